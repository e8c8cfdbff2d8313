import { describe, expect, it } from "vitest";

import {
  answerUrlValidation,
  signZoomPayload,
  verifyZoomSignature,
} from "@/lib/zoom/webhook/verify-signature";

// The vector in docs/protocols/zoom-webhooks.md#known-answer.
const SECRET = "emulator-webhook-secret";
const TIMESTAMP = "1700000000";
const BODY =
  '{"event":"endpoint.url_validation","payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1700000000123}';
const SIGNATURE = "v0=3c63340ea4c076e5320896df7a0f90842ff39afa1cedd2ae1ef65608663d9a39";
const NOW = 1_700_000_000_000;

const check = (overrides: Partial<Parameters<typeof verifyZoomSignature>[0]> = {}) =>
  verifyZoomSignature({
    rawBody: BODY,
    timestamp: TIMESTAMP,
    signature: SIGNATURE,
    secret: SECRET,
    nowMs: NOW,
    ...overrides,
  });

describe("Zoom webhook signatures", () => {
  it("signs the known vector", () =>
    expect(signZoomPayload(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE));
  it("accepts the known vector", () => expect(check()).toEqual({ isValid: true }));
  it("refuses a tampered body", () =>
    expect(check({ rawBody: BODY.replace("qgg8", "qgg9") })).toEqual({
      isValid: false,
      reason: "bad_signature",
    }));
  it("refuses a re-serialised body", () =>
    expect(check({ rawBody: JSON.stringify(JSON.parse(BODY), null, 1) })).toEqual({
      isValid: false,
      reason: "bad_signature",
    }));
  it("refuses the wrong secret", () =>
    expect(check({ secret: "other" })).toEqual({ isValid: false, reason: "bad_signature" }));
  it("refuses a signature of the wrong length", () =>
    expect(check({ signature: "v0=abc" })).toEqual({ isValid: false, reason: "bad_signature" }));
  it("refuses two signatures joined by a proxy", () =>
    expect(check({ signature: `${SIGNATURE}, ${SIGNATURE}` })).toEqual({
      isValid: false,
      reason: "bad_signature",
    }));
  it("refuses missing headers", () => {
    expect(check({ signature: null })).toEqual({ isValid: false, reason: "missing_headers" });
    expect(check({ timestamp: null })).toEqual({ isValid: false, reason: "missing_headers" });
  });
  it("refuses a timestamp that is not seconds", () =>
    expect(check({ timestamp: "1700000000123x" })).toEqual({
      isValid: false,
      reason: "bad_timestamp",
    }));
  it("refuses stale and future timestamps beyond five minutes", () => {
    expect(check({ nowMs: NOW + 301_000 })).toEqual({ isValid: false, reason: "stale_timestamp" });
    expect(check({ nowMs: NOW - 301_000 })).toEqual({ isValid: false, reason: "stale_timestamp" });
    expect(check({ nowMs: NOW + 299_000 })).toEqual({ isValid: true });
  });
  it("answers the URL validation challenge", () =>
    expect(answerUrlValidation(SECRET, "qgg8vlvZRS6UYooatFL8Aw")).toEqual({
      plainToken: "qgg8vlvZRS6UYooatFL8Aw",
      encryptedToken: "30864412a0468a1d4f6cd2faece2ba57a980eeef93e921b1756056d10e3d5d4a",
    }));
});
