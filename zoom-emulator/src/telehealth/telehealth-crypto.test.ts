import { describe, expect, it } from "vitest";

import {
  decryptTelehealthData,
  deriveTelehealthKey,
  encryptTelehealthData,
} from "./telehealth-crypto";
import { parseTelehealthPlaintext } from "./telehealth-params";

// The test vector of docs/protocols/telehealth-urls.md#known-answer.
const SECRET = "emulator-test-secret";
const PLAINTEXT = "usertype=2&sessionid=98765&userid=3100312345&firstname=Ed&lastname=Mercer";
const CIPHERTEXT =
  "0qlxUcol26XCrofzdQAO56b5fPmMA8bOmxvcicj5prHfihW+ZYvkk+8E2mOtVJbcZMYF8DpBwrQBjYY5KzaZ+T3h/aWwztiyoWV9fUexrd0=";

describe("telehealth data encryption", () => {
  it("derives the key of telehealth-urls.md#known-answer", () => {
    expect(deriveTelehealthKey(SECRET).toString("hex")).toBe("cfe55bd7e6ae0c73c9d59ee167254671");
  });

  it("encrypts to the ciphertext of telehealth-urls.md#known-answer", () => {
    expect(encryptTelehealthData(PLAINTEXT, SECRET)).toBe(CIPHERTEXT);
  });

  it("decrypts the ciphertext of telehealth-urls.md#known-answer", () => {
    expect(decryptTelehealthData(CIPHERTEXT, SECRET)).toBe(PLAINTEXT);
  });

  it("refuses a wrong secret, damaged data and an unencoded '+' turned into a space", () => {
    expect(decryptTelehealthData(CIPHERTEXT, "another-secret")).toBeNull();
    expect(decryptTelehealthData(CIPHERTEXT.slice(0, 40), SECRET)).toBeNull();
    expect(decryptTelehealthData(CIPHERTEXT.replaceAll("+", " "), SECRET)).toBeNull();
  });

  it("parses the plaintext in any field order", () => {
    expect(parseTelehealthPlaintext("userid=7&usertype=1&sessionid=s-1")).toEqual({
      usertype: "1",
      sessionid: "s-1",
      userid: "7",
    });
    expect(parseTelehealthPlaintext(PLAINTEXT)?.lastname).toBe("Mercer");
    expect(parseTelehealthPlaintext("usertype=3&sessionid=1&userid=2")).toBeNull();
    expect(parseTelehealthPlaintext("usertype=1&userid=2")).toBeNull();
  });
});
