import { describe, expect, it } from "vitest";

import { rateLimitDelayMs } from "@/lib/zoom/rate-limit-delay";

const NOW = Date.parse("2026-11-23T12:00:00Z");

describe("rateLimitDelayMs", () => {
  it("reads a daily limit's ISO Retry-After", () => {
    expect(rateLimitDelayMs(new Headers({ "Retry-After": "2026-11-24T00:00:00Z" }), NOW)).toBe(
      12 * 3_600_000,
    );
  });

  it("reads Retry-After in seconds", () => {
    expect(rateLimitDelayMs(new Headers({ "Retry-After": "2" }), NOW)).toBe(2_000);
  });

  it("reads a QPS limit's X-RateLimit-Reset", () => {
    expect(
      rateLimitDelayMs(new Headers({ "X-RateLimit-Reset": String(NOW / 1000 + 3) }), NOW),
    ).toBe(3_000);
  });

  it("never returns a negative delay", () => {
    expect(rateLimitDelayMs(new Headers({ "Retry-After": "2026-11-23T11:00:00Z" }), NOW)).toBe(0);
  });

  it("waits a second when Zoom says nothing usable", () => {
    expect(rateLimitDelayMs(new Headers(), NOW)).toBe(1_000);
    expect(rateLimitDelayMs(new Headers({ "Retry-After": "soon" }), NOW)).toBe(1_000);
  });
});
