import "server-only";

import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

import { env } from "@/lib/env";

// AES-256-GCM for secrets at rest (Zoom tokens, API secrets, start and join URLs).
// Format: "v2.<iv>.<tag>.<ciphertext>", each part base64url. Each ciphertext is bound to the
// table, column and row it is stored in (GCM's associated data), so a value copied into another
// row or column (another clinic's connection, another visit) fails to open instead of being used.
// "v1" values (no associated data) are the format before: still opened, so that nothing stored
// becomes unreadable, and rewritten as v2 by `resealSecrets` (lib/crypto/reseal-secrets.ts).

const VERSION = "v2";
const LEGACY_VERSION = "v1";
const IV_BYTES = 12;
/** GCM's full tag: a shorter one would be accepted by Node unless the length is required. */
const TAG_BYTES = 16;

/** Where a sealed value is stored: the row is named by its primary or unique key. */
export type SealedField = { table: string; column: string; rowId: string };

function key(): Buffer {
  return Buffer.from(env.TOKEN_ENCRYPTION_KEY, "base64");
}

function associatedData({ table, column, rowId }: SealedField): Buffer {
  return Buffer.from(`carevisit:${VERSION}:${table}.${column}:${rowId}`, "utf8");
}

export function encryptSecret(plaintext: string, field: SealedField): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(field));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

/** Whether a stored value is in the format before associated data (to be resealed). */
export function isLegacySealed(sealed: string): boolean {
  return sealed.startsWith(`${LEGACY_VERSION}.`);
}

export function decryptSecret(sealed: string, field: SealedField): string {
  const [version, iv, tag, ciphertext, extra] = sealed.split(".");
  const isKnown = version === VERSION || version === LEGACY_VERSION;
  if (!isKnown || !iv || !tag || ciphertext === undefined || extra !== undefined) {
    throw new Error("Not a sealed secret");
  }
  const authTag = Buffer.from(tag, "base64url");
  if (authTag.length !== TAG_BYTES) throw new Error("Not a sealed secret: the tag is not 16 bytes");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAuthTag(authTag);
  if (version === VERSION) decipher.setAAD(associatedData(field));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

/** The sealed columns, each with the key that names its row. */
export const sealedFields = {
  zoomToken: (organizationId: string, column: "accessToken" | "refreshToken"): SealedField => ({
    table: "ZoomConnection",
    column,
    rowId: organizationId,
  }),
  visitMeeting: (
    visitId: string,
    column: "zoomStartUrl" | "zoomPassword" | "zoomJoinUrl",
  ): SealedField => ({ table: "Visit", column, rowId: visitId }),
  visitRegistrantJoinUrl: (registrantRowId: string): SealedField => ({
    table: "VisitRegistrant",
    column: "joinUrl",
    rowId: registrantRowId,
  }),
  oauthCodeVerifier: (stateHash: string): SealedField => ({
    table: "OAuthState",
    column: "codeVerifier",
    rowId: stateHash,
  }),
  telehealthApiSecret: (organizationId: string): SealedField => ({
    table: "TelehealthSettings",
    column: "apiSecret",
    rowId: organizationId,
  }),
};
