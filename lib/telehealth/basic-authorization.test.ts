import { describe, expect, it } from "vitest";

import { parseBasicAuthorization } from "@/lib/telehealth/basic-authorization";

const basic = (text: string) => `Basic ${Buffer.from(text, "utf8").toString("base64")}`;

describe("parseBasicAuthorization", () => {
  it("reads the username and the password", () => {
    expect(parseBasicAuthorization(basic("zoom-notifier:s3cret-pass!"))).toEqual({
      username: "zoom-notifier",
      password: "s3cret-pass!",
    });
  });

  it("splits at the first colon: the password may contain colons", () => {
    expect(parseBasicAuthorization(basic("user:pa:ss:"))).toEqual({
      username: "user",
      password: "pa:ss:",
    });
  });

  it("accepts any case of the scheme, extra spaces and UTF-8", () => {
    expect(parseBasicAuthorization(basic("usér:pässwörd").replace("Basic", "bAsIc  "))).toEqual({
      username: "usér",
      password: "pässwörd",
    });
  });

  it("keeps empty parts, for the caller to refuse", () => {
    expect(parseBasicAuthorization(basic(":"))).toEqual({ username: "", password: "" });
  });

  it.each([
    ["no header", null],
    ["an empty header", ""],
    ["another scheme", "Bearer abc.def.ghi"],
    ["a scheme without credentials", "Basic"],
    ["Basic without a space", `Basic${Buffer.from("a:b").toString("base64")}`],
    ["not Base64", "Basic not*base64"],
    ["no colon", basic("just-a-username")],
    ["invalid UTF-8", `Basic ${Buffer.from([0x61, 0x3a, 0xff, 0xfe]).toString("base64")}`],
    ["two tokens", `${basic("a:b")} ${Buffer.from("c:d").toString("base64")}`],
    ["a huge header", basic(`user:${"x".repeat(2000)}`)],
  ])("refuses %s", (_label, header) => {
    expect(parseBasicAuthorization(header)).toBeNull();
  });
});
