import { describe, expect, it } from "vitest";

import {
  buildTelehealthJoinUrl,
  buildTelehealthPlaintext,
  TELEHEALTH_USER_TYPE,
} from "@/lib/telehealth/join-url";
import { decryptTelehealthData } from "@/lib/telehealth/telehealth-crypto";

const SECRET = "emulator-test-secret";
const BASE = {
  baseUrl: "https://applications.zoom.us",
  apiKey: "AbC_123.key-9",
  apiSecret: SECRET,
  sessionId: "0193a0e2-7c4d-7e1f-9a3b-5c6d7e8f9a0b",
  userId: "0193a0e2-1111-7e1f-9a3b-5c6d7e8f9a0b",
};
const IDENTITY = {
  firstName: "Renée",
  lastName: "O'Brien Müller",
  email: "renee+test@example.org",
};

/** The decrypted `data` of a launch URL, and the URL's other parts. */
function open(url: string) {
  const parsed = new URL(url);
  const data = parsed.searchParams.get("data") ?? "";
  const plaintext = decryptTelehealthData(data, SECRET);
  return { parsed, plaintext, fields: new URLSearchParams(plaintext) };
}

describe("buildTelehealthPlaintext", () => {
  it("lists usertype, sessionid and userid, then the names, as in telehealth-urls.md#launch-url-and-plaintext", () => {
    expect(
      buildTelehealthPlaintext({
        userType: TELEHEALTH_USER_TYPE.PATIENT,
        sessionId: "98765",
        userId: "3100312345",
        identity: { firstName: "Ed", lastName: "Mercer" },
      }),
    ).toBe("usertype=2&sessionid=98765&userid=3100312345&firstname=Ed&lastname=Mercer");
  });

  it("form-encodes values (UTF-8, spaces as +, & and = escaped)", () => {
    expect(
      buildTelehealthPlaintext({
        userType: TELEHEALTH_USER_TYPE.PROVIDER,
        sessionId: "a&b=c",
        userId: "u 1",
        identity: { firstName: "Renée", lastName: "O'Brien Müller", email: "r+t@example.org" },
      }),
    ).toBe(
      "usertype=1&sessionid=a%26b%3Dc&userid=u+1&firstname=Ren%C3%A9e&lastname=O%27Brien+M%C3%BCller&email=r%2Bt%40example.org",
    );
  });

  it("leaves names and email out without an identity, and email out when there is none", () => {
    const fields = { userType: TELEHEALTH_USER_TYPE.PATIENT, sessionId: "s", userId: "u" } as const;
    expect(buildTelehealthPlaintext(fields)).toBe("usertype=2&sessionid=s&userid=u");
    expect(buildTelehealthPlaintext({ ...fields, identity: null })).toBe(
      "usertype=2&sessionid=s&userid=u",
    );
    expect(
      buildTelehealthPlaintext({ ...fields, identity: { ...IDENTITY, email: null } }),
    ).not.toContain("email=");
  });
});

describe("buildTelehealthJoinUrl", () => {
  it("matches the known answer of telehealth-urls.md#known-answer in the data parameter", () => {
    const url = buildTelehealthJoinUrl({
      ...BASE,
      userType: TELEHEALTH_USER_TYPE.PATIENT,
      sessionId: "98765",
      userId: "3100312345",
      identity: { firstName: "Ed", lastName: "Mercer" },
    });
    expect(url).toBe(
      "https://applications.zoom.us/telehealth?org_id=AbC_123.key-9&data=" +
        "0qlxUcol26XCrofzdQAO56b5fPmMA8bOmxvcicj5prHfihW%2BZYvkk%2B8E2mOtVJbcZMYF8DpBwrQBjYY5KzaZ%2BT3h%2FaWwztiyoWV9fUexrd0%3D",
    );
  });

  it("carries the identity when given, and the data decrypts back to the plaintext", () => {
    const fields = { ...BASE, userType: TELEHEALTH_USER_TYPE.PROVIDER, identity: IDENTITY };
    const { parsed, plaintext, fields: decrypted } = open(buildTelehealthJoinUrl(fields));
    expect(`${parsed.origin}${parsed.pathname}`).toBe("https://applications.zoom.us/telehealth");
    expect([...parsed.searchParams.keys()]).toEqual(["org_id", "data"]);
    expect(parsed.searchParams.get("org_id")).toBe(BASE.apiKey);
    expect(plaintext).toBe(buildTelehealthPlaintext(fields));
    expect(Object.fromEntries(decrypted)).toEqual({
      usertype: "1",
      sessionid: BASE.sessionId,
      userid: BASE.userId,
      firstname: "Renée",
      lastname: "O'Brien Müller",
      email: "renee+test@example.org",
    });
  });

  it("has no names or email in the URL or the data when identity is null", () => {
    const url = buildTelehealthJoinUrl({
      ...BASE,
      userType: TELEHEALTH_USER_TYPE.PATIENT,
      identity: null,
    });
    const { plaintext, fields } = open(url);
    expect(plaintext).toBe(`usertype=2&sessionid=${BASE.sessionId}&userid=${BASE.userId}`);
    expect(fields.has("firstname")).toBe(false);
    expect(fields.has("lastname")).toBe(false);
    expect(fields.has("email")).toBe(false);
    expect(url).not.toMatch(/Ren|Brien|example\.org/);
  });

  it("gives the provider and the patient of one visit the same sessionid", () => {
    const provider = open(
      buildTelehealthJoinUrl({ ...BASE, userType: TELEHEALTH_USER_TYPE.PROVIDER, userId: "p" }),
    );
    const patient = open(
      buildTelehealthJoinUrl({ ...BASE, userType: TELEHEALTH_USER_TYPE.PATIENT, userId: "q" }),
    );
    expect(provider.fields.get("sessionid")).toBe(patient.fields.get("sessionid"));
    expect(provider.fields.get("usertype")).toBe("1");
    expect(patient.fields.get("usertype")).toBe("2");
  });

  it("URL-encodes the Base64 (+, / and =) and the org_id, and ignores a trailing slash", () => {
    const url = buildTelehealthJoinUrl({
      ...BASE,
      baseUrl: "http://localhost:4010/",
      apiKey: "key with/odd&chars",
      userType: TELEHEALTH_USER_TYPE.PATIENT,
    });
    expect(
      url.startsWith("http://localhost:4010/telehealth?org_id=key%20with%2Fodd%26chars&data="),
    ).toBe(true);
    const data = url.split("&data=")[1] ?? "";
    expect(data).not.toMatch(/[+/=]/);
    expect(new URL(url).searchParams.get("org_id")).toBe("key with/odd&chars");
  });
});
