import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { clientIpFrom, forwardedForOf } from "@/lib/auth/client-ip";

const withForwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

const address = fc.ipV4();
const forged = fc.array(fc.oneof(address, fc.ipV6(), fc.constant("unknown")), { maxLength: 5 });

/** What the app reads from a request: the production server's rewrite, then clientIpFrom. */
function appSees(received: string | undefined, socket: string, trustedProxyCount: number) {
  const header = forwardedForOf(received, socket, trustedProxyCount);
  return clientIpFrom(new Headers(header ? { "x-forwarded-for": header } : {}), trustedProxyCount);
}

describe("the client's address, as the production server and the app read it", () => {
  it("is the socket's address when no proxy is trusted, whatever the client wrote", () => {
    fc.assert(
      fc.property(forged, address, (claimed, socket) => {
        const received = claimed.length > 0 ? claimed.join(", ") : undefined;
        expect(appSees(received, socket, 0)).toBe(socket);
      }),
    );
  });

  it("is the address the first trusted proxy saw, behind n proxies that each append their peer", () => {
    fc.assert(
      fc.property(
        forged,
        address,
        fc.array(address, { minLength: 1, maxLength: 4 }),
        (claimed, client, proxies) => {
          // The client's connection reaches proxies[0], which appends the client; each next proxy
          // appends the one before it; the app's socket peer is the last proxy.
          const appended = [client, ...proxies.slice(0, -1)];
          const received = [...claimed, ...appended].join(", ");
          const socket = proxies.at(-1) ?? "";
          expect(appSees(received, socket, proxies.length)).toBe(client);
        },
      ),
    );
  });

  it("is the socket's address when a request did not pass every trusted proxy", () => {
    expect(appSees(undefined, "192.0.2.4", 1)).toBe("192.0.2.4");
    expect(appSees("198.51.100.7", "192.0.2.4", 2)).toBe("192.0.2.4");
  });

  it("reads repeated headers as one list", () => {
    expect(forwardedForOf(["203.0.113.1", "198.51.100.7"], "192.0.2.4", 1)).toBe("198.51.100.7");
  });
});

describe("clientIpFrom", () => {
  it("takes the address the production server set when there is no proxy", () => {
    expect(clientIpFrom(withForwardedFor("203.0.113.9"), 0)).toBe("203.0.113.9");
  });

  it("takes the entry the trusted proxy appended, not what the client claimed", () => {
    expect(clientIpFrom(withForwardedFor("10.9.9.9, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientIpFrom(withForwardedFor("10.9.9.9, 198.51.100.7, 172.16.0.2"), 2)).toBe(
      "198.51.100.7",
    );
  });

  it("falls back to the first entry when there are fewer entries than proxies", () => {
    expect(clientIpFrom(withForwardedFor("198.51.100.7"), 3)).toBe("198.51.100.7");
  });

  it("unwraps IPv4-mapped IPv6 addresses", () => {
    expect(clientIpFrom(withForwardedFor("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
  });

  it("returns null without the header", () => {
    expect(clientIpFrom(new Headers(), 0)).toBeNull();
    expect(clientIpFrom(withForwardedFor(" , "), 0)).toBeNull();
  });
});
