import { describe, expect, it } from "vitest";

import { encryptPlainToken, signWebhook } from "./signature";

// The test vector of docs/protocols/zoom-webhooks.md#known-answer.
const SECRET = "emulator-webhook-secret";
const TIMESTAMP = "1700000000";
const BODY =
  '{"event":"endpoint.url_validation","payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1700000000123}';

describe("webhook signature", () => {
  it("matches the x-zm-signature vector of zoom-webhooks.md#known-answer", () => {
    expect(signWebhook(SECRET, TIMESTAMP, Buffer.from(BODY, "utf8"))).toBe(
      "v0=3c63340ea4c076e5320896df7a0f90842ff39afa1cedd2ae1ef65608663d9a39",
    );
  });

  it("matches the encryptedToken vector of zoom-webhooks.md#known-answer", () => {
    expect(encryptPlainToken(SECRET, "qgg8vlvZRS6UYooatFL8Aw")).toBe(
      "30864412a0468a1d4f6cd2faece2ba57a980eeef93e921b1756056d10e3d5d4a",
    );
  });

  it("changes with a single byte of the body", () => {
    const other = BODY.replace("123}", "124}");
    expect(signWebhook(SECRET, TIMESTAMP, Buffer.from(other))).not.toBe(
      signWebhook(SECRET, TIMESTAMP, Buffer.from(BODY)),
    );
  });
});
