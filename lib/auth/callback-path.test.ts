import { describe, expect, it } from "vitest";

import { callbackPathFromQuery, signInRedirectUrl } from "@/lib/auth/callback-path";

describe("the sign-in redirect and its callback", () => {
  it("sends a signed-out visitor to sign in with only the page they asked for, without _rsc", () => {
    const url = signInRedirectUrl(
      new URL("http://localhost:3000/subjects?q=Lopez&_rsc=1x2y3&page=2"),
    );
    expect(url.pathname).toBe("/sign-in");
    expect([...url.searchParams.keys()]).toEqual(["callbackUrl"]);
    expect(url.searchParams.get("callbackUrl")).toBe("/subjects?q=Lopez&page=2");
    expect(signInRedirectUrl(new URL("http://localhost:3000/profile?_rsc=abc")).search).toBe(
      "?callbackUrl=%2Fprofile",
    );
  });

  it("reads a callback as a path on this site, dropping _rsc from older links", () => {
    expect(callbackPathFromQuery("/visits/1?_rsc=abc")).toBe("/visits/1");
    expect(callbackPathFromQuery("http://localhost:3000/profile?_rsc=abc&x=1")).toBe(
      "/profile?x=1",
    );
    expect(callbackPathFromQuery("https://evil.example/steal")).toBe("/steal");
    expect(callbackPathFromQuery("//evil.example/")).toBe("/");
    expect(callbackPathFromQuery(undefined)).toBe("/");
  });
});
