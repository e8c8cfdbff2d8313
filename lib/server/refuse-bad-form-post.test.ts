import { describe, expect, it } from "vitest";

import { FORM_POST_MAX_BYTES, refuseBadFormPost } from "@/lib/server/refuse-bad-form-post";

function post(headers: Record<string, string>, method = "POST") {
  return refuseBadFormPost({ method, headers: new Headers(headers) });
}

const SAME_SITE = { host: "clinic.example:3000", origin: "https://clinic.example:3000" };

describe("refuseBadFormPost", () => {
  it("lets through posts from the same host, posts without an Origin, and anything but POST", () => {
    expect(post(SAME_SITE)).toBeNull();
    expect(post({ host: "clinic.example:3000" })).toBeNull();
    expect(post({ ...SAME_SITE, origin: "https://evil.example" }, "GET")).toBeNull();
    expect(post({ ...SAME_SITE, "content-length": String(FORM_POST_MAX_BYTES) })).toBeNull();
  });

  it("takes the host from the first X-Forwarded-Host entry behind a proxy, as Next.js does", () => {
    const behindProxy = {
      host: "127.0.0.1:3000",
      "x-forwarded-host": "clinic.example, proxy.internal",
      origin: "https://clinic.example",
    };
    expect(post(behindProxy)).toBeNull();
    expect(
      post({ ...behindProxy, "x-forwarded-host": "proxy.internal, clinic.example" }),
    ).not.toBeNull();
  });

  it.each([
    "https://evil.example",
    "http://clinic.example:3000.evil.example",
    "https://clinic.example",
    "null",
    "not a url",
  ])("refuses a post whose Origin is %j with 403 and a page that says why", async (origin) => {
    const response = post({ ...SAME_SITE, origin });
    expect(response?.status).toBe(403);
    expect(response?.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response?.headers.get("cache-control")).toBe("no-store");
    expect(await response?.text()).toContain("This form was sent from another site");
  });

  it("answers Next.js's client in plain text, the only kind of error it shows", async () => {
    const response = post({ ...SAME_SITE, origin: "https://evil.example", "next-action": "7f3a" });
    expect(response?.status).toBe(403);
    expect(response?.headers.get("content-type")).toBe("text/plain");
    expect(await response?.text()).toBe(
      "This form was sent from another site, so it was not accepted. Open CareVisit and try again.",
    );
  });

  it.each([[{}], [{ "content-length": "" }], [{ "content-length": "lots" }]])(
    "leaves a post without a usable length (%j) to Next.js's own limit",
    (headers) => {
      expect(post({ ...SAME_SITE, ...headers })).toBeNull();
    },
  );

  it("refuses a post over 1 MB with 413, before reading it", async () => {
    const response = post({ ...SAME_SITE, "content-length": String(FORM_POST_MAX_BYTES + 1) });
    expect(response?.status).toBe(413);
    expect(await response?.text()).toContain("This form is over 1 MB");
  });
});
