import { randomBytes } from "node:crypto";

import { newDigits } from "../ids";

// A meeting's passcode and the values derived from it (zoom-rest.md#meetings). `encryptedPassword`
// is the `pwd=` of join_url, opaque to callers; phone and H.323 dial-in need digits, so an
// alphanumeric passcode gets a numeric twin. "" means no passcode.

export interface Passcodes {
  password: string;
  encryptedPassword: string;
  h323Password: string;
}

export function buildPasscodes(password: string): Passcodes {
  if (password === "") return { password, encryptedPassword: "", h323Password: "" };
  return {
    password,
    encryptedPassword: `${randomBytes(24).toString("base64url")}.1`,
    h323Password: /^\d+$/.test(password) ? password : newDigits(6),
  };
}
