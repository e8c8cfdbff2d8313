import { describe, expect, it } from "vitest";

import { isOneClickUnsubscribeBody } from "@/lib/subjects/one-click-unsubscribe";

const URL_ENCODED = "application/x-www-form-urlencoded";

describe("isOneClickUnsubscribeBody", () => {
  it("accepts the URL-encoded form", async () => {
    expect(await isOneClickUnsubscribeBody("List-Unsubscribe=One-Click", URL_ENCODED)).toBe(true);
  });

  it("accepts the multipart form of RFC 8058's example", async () => {
    const boundary = "----b";
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="List-Unsubscribe"',
      "",
      "One-Click",
      `--${boundary}--`,
      "",
    ].join("\r\n");
    expect(await isOneClickUnsubscribeBody(body, `multipart/form-data; boundary=${boundary}`)).toBe(
      true,
    );
  });

  it.each([
    ["another value", "List-Unsubscribe=Yes", URL_ENCODED],
    ["an empty body", "", URL_ENCODED],
    ["JSON", '{"List-Unsubscribe":"One-Click"}', "application/json"],
    ["no content type", "List-Unsubscribe=One-Click", null],
    ["a broken multipart body", "garbage", "multipart/form-data; boundary=x"],
  ])("refuses %s", async (_case, body, contentType) => {
    expect(await isOneClickUnsubscribeBody(body, contentType)).toBe(false);
  });
});
