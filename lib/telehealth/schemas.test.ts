import { describe, expect, it } from "vitest";

import { JoinMode } from "@/generated/prisma/enums";
import { fieldErrorsOf } from "@/lib/errors";
import {
  deriveTelehealthSettingsErrors,
  telehealthSettingsInputSchema,
  type TelehealthSettingsInput,
} from "@/lib/telehealth/schemas";

/** What Object.fromEntries(formData) gives for the form. */
const FORM = {
  joinMode: "TELEHEALTH_URL",
  apiKey: " AbC_123.key-9 ",
  apiSecret: "  a secret with spaces  ",
  includeIdentity: "on",
  notifierUsername: " zoom-notifier ",
  notifierPassword: "correct horse battery",
};

function errorsFor(form: Record<string, unknown>): Record<string, string[]> {
  const parsed = telehealthSettingsInputSchema.safeParse(form);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("telehealthSettingsInputSchema", () => {
  it("parses the form: trims the key and username, keeps secrets as typed, reads checkboxes", () => {
    expect(telehealthSettingsInputSchema.parse(FORM)).toEqual({
      joinMode: JoinMode.TELEHEALTH_URL,
      apiKey: "AbC_123.key-9",
      apiSecret: "  a secret with spaces  ",
      includeIdentity: true,
      notifierUsername: "zoom-notifier",
      notifierPassword: "correct horse battery",
      removeNotifierCredentials: false,
    });
  });

  it("treats empty and missing fields as not given, and unticked boxes as false", () => {
    const parsed = telehealthSettingsInputSchema.parse({
      joinMode: "ZOOM_URL",
      apiKey: "   ",
      apiSecret: "",
      notifierUsername: "",
      notifierPassword: "",
    });
    expect(parsed).toEqual({
      joinMode: JoinMode.ZOOM_URL,
      includeIdentity: false,
      removeNotifierCredentials: false,
    });
    expect(telehealthSettingsInputSchema.parse({ joinMode: "ZOOM_URL" })).toEqual(parsed);
  });

  it.each([
    ["an unknown join mode", { joinMode: "SMS" }, "joinMode"],
    ["no join mode", { joinMode: undefined }, "joinMode"],
    ["a key with a space", { apiKey: "abc def" }, "apiKey"],
    ["a key with a slash", { apiKey: "abc/def" }, "apiKey"],
    ["a key of 201 characters", { apiKey: "k".repeat(201) }, "apiKey"],
    ["a secret of 7 characters", { apiSecret: "1234567" }, "apiSecret"],
    ["a secret of 501 characters", { apiSecret: "s".repeat(501) }, "apiSecret"],
    ["a username with a colon", { notifierUsername: "zoom:notifier" }, "notifierUsername"],
    ["a username of 101 characters", { notifierUsername: "u".repeat(101) }, "notifierUsername"],
    ["a username with a tab inside", { notifierUsername: "zoom\tnotifier" }, "notifierUsername"],
    ["a username with NUL inside", { notifierUsername: "zoom\u0000" }, "notifierUsername"],
    ["a password of 11 characters", { notifierPassword: "p".repeat(11) }, "notifierPassword"],
    ["a password of 201 characters", { notifierPassword: "p".repeat(201) }, "notifierPassword"],
    ["a checkbox value other than on", { includeIdentity: "yes" }, "includeIdentity"],
  ])("rejects %s", (_label, change, field) => {
    const errors = errorsFor({ ...FORM, ...change });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]?.[0]).toMatch(/\S{3,}/);
  });

  it("accepts the limits", () => {
    expect(
      errorsFor({
        ...FORM,
        apiKey: "k".repeat(200),
        apiSecret: "s".repeat(8),
        notifierUsername: "u".repeat(100),
        notifierPassword: "p".repeat(12),
      }),
    ).toEqual({});
    expect(
      errorsFor({ ...FORM, apiSecret: "s".repeat(500), notifierPassword: "p".repeat(200) }),
    ).toEqual({});
  });
});

describe("deriveTelehealthSettingsErrors", () => {
  const NOTHING_STORED = { hasApiSecret: false, hasNotifierPassword: false };
  const ALL_STORED = { hasApiSecret: true, hasNotifierPassword: true };
  const input = (change: Partial<TelehealthSettingsInput>): TelehealthSettingsInput => ({
    joinMode: JoinMode.TELEHEALTH_URL,
    apiKey: "key",
    apiSecret: "secret-value",
    includeIdentity: false,
    notifierUsername: undefined,
    notifierPassword: undefined,
    removeNotifierCredentials: false,
    ...change,
  });

  it("needs a key and a secret for encrypted links, and says which is missing", () => {
    const errors = deriveTelehealthSettingsErrors(
      input({ apiKey: undefined, apiSecret: undefined }),
      NOTHING_STORED,
    );
    expect(Object.keys(errors)).toEqual(["apiKey", "apiSecret"]);
    expect(errors.apiKey?.[0]).toContain("API key (org_id)");
    expect(errors.apiSecret?.[0]).toContain("API secret");
  });

  it("accepts a stored secret in place of a new one", () => {
    const stored = { ...NOTHING_STORED, hasApiSecret: true };
    expect(deriveTelehealthSettingsErrors(input({ apiSecret: undefined }), stored)).toEqual({});
  });

  it("needs neither key nor secret for Zoom's own links", () => {
    const zoomLinks = input({
      joinMode: JoinMode.ZOOM_URL,
      apiKey: undefined,
      apiSecret: undefined,
    });
    expect(deriveTelehealthSettingsErrors(zoomLinks, NOTHING_STORED)).toEqual({});
  });

  it("needs the notification username and password together", () => {
    expect(
      Object.keys(
        deriveTelehealthSettingsErrors(input({ notifierPassword: "p".repeat(12) }), NOTHING_STORED),
      ),
    ).toEqual(["notifierUsername"]);
    expect(
      Object.keys(deriveTelehealthSettingsErrors(input({ notifierUsername: "u" }), NOTHING_STORED)),
    ).toEqual(["notifierPassword"]);
    expect(
      deriveTelehealthSettingsErrors(input({ notifierUsername: "u" }), {
        ...NOTHING_STORED,
        hasNotifierPassword: true,
      }),
    ).toEqual({});
  });

  it("refuses an emptied username while credentials are stored, unless they are removed", () => {
    expect(deriveTelehealthSettingsErrors(input({}), ALL_STORED).notifierUsername?.[0]).toContain(
      "Remove the credentials",
    );
    expect(
      deriveTelehealthSettingsErrors(input({ removeNotifierCredentials: true }), ALL_STORED),
    ).toEqual({});
  });

  it("lets a removal win over typed credentials", () => {
    expect(
      deriveTelehealthSettingsErrors(
        input({ removeNotifierCredentials: true, notifierPassword: "p".repeat(12) }),
        NOTHING_STORED,
      ),
    ).toEqual({});
  });
});
