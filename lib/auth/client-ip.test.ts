import { describe, expect, it } from "vitest";

import { clientIpFrom } from "@/lib/auth/client-ip";

const withForwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIpFrom", () => {
  it("takes the address Next.js set when there is no proxy", () => {
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
