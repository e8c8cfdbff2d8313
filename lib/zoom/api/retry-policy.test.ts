import { describe, expect, it } from "vitest";

import { isAppError } from "@/lib/errors";
import {
  decideAfterError,
  decideAfterNetworkError,
  MAX_ATTEMPTS,
  type ZoomAnswer,
} from "@/lib/zoom/api/retry-policy";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const answer = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ZoomAnswer => ({
  status,
  body,
  headers: new Headers(headers),
  trackingId: "T-1",
});
const first = { attempt: 1, hasRefreshed: false, what: "GET /users/me", isIdempotent: true };

describe("decideAfterError", () => {
  it("refreshes once on 401 code 124, then gives up", () => {
    expect(
      decideAfterError(answer(401, { code: 124, message: "Invalid access token." }), first, NOW),
    ).toEqual({ action: "refresh" });
    const again = decideAfterError(
      answer(401, { code: 124, message: "Invalid access token." }),
      { ...first, hasRefreshed: true },
      NOW,
    );
    expect(again).toMatchObject({
      action: "fail",
      adminNote: expect.stringContaining("code 124") as unknown,
    });
  });

  it("waits out a short 429 and fails a long one as rate limited", () => {
    expect(
      decideAfterError(
        answer(429, { code: 429, message: "x" }, { "X-RateLimit-Reset": String(NOW / 1000 + 2) }),
        first,
        NOW,
      ),
    ).toEqual({
      action: "retry",
      afterMs: 2_000,
    });
    const daily = decideAfterError(
      answer(429, { code: 429, message: "x" }, { "Retry-After": "2026-11-23T13:30:00Z" }),
      first,
      NOW,
    );
    expect(daily.action).toBe("fail");
    if (daily.action === "fail") {
      expect(isAppError(daily.error, "rate_limited")).toBe(true);
      expect(daily.error.publicMessage).toBe(
        "Zoom's usage limit is reached. Try again in 90 minutes.",
      );
    }
  });

  it("retries 5xx with backoff until the last attempt", () => {
    expect(decideAfterError(answer(503, null), first, NOW)).toEqual({
      action: "retry",
      afterMs: 300,
    });
    expect(decideAfterError(answer(503, null), { ...first, attempt: 2 }, NOW)).toEqual({
      action: "retry",
      afterMs: 1_000,
    });
    expect(
      decideAfterError(answer(503, null), { ...first, attempt: MAX_ATTEMPTS }, NOW),
    ).toMatchObject({ action: "fail" });
  });

  it("fails a client error at once, without noting it against the connection", () => {
    const decision = decideAfterError(
      answer(404, { code: 1001, message: "User does not exist: x." }),
      first,
      NOW,
    );
    expect(decision).toMatchObject({ action: "fail", adminNote: null });
    if (decision.action === "fail")
      expect(decision.error.publicMessage).toBe(
        "Zoom could not do that: User does not exist: x. (Zoom request id T-1)",
      );
  });

  it("copes with an XML or empty error body", () => {
    expect(decideAfterError(answer(400, "<xml/>"), first, NOW)).toMatchObject({ action: "fail" });
  });
});

describe("decideAfterNetworkError", () => {
  it("retries, then fails with a clear message", () => {
    const request = { ...first, what: "GET /x" };
    expect(decideAfterNetworkError(new Error("ECONNREFUSED"), request)).toEqual({
      action: "retry",
      afterMs: 300,
    });
    const last = decideAfterNetworkError(new Error("ECONNREFUSED"), {
      ...request,
      attempt: MAX_ATTEMPTS,
    });
    expect(last).toMatchObject({ action: "fail", adminNote: "Zoom could not be reached (GET /x)" });
  });
});
