import "server-only";

import { randomBytes } from "node:crypto";

import { sha256Hex } from "@/lib/crypto/hmac";
import { env } from "@/lib/env";

// A guest link's secret (and a browser's claim cookie): 256 random bits in base64url. Only their
// SHA-256 is stored, so a copy of the database opens no link (decision 039).

export function createGuestSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, hash: sha256Hex(secret) };
}

export const hashGuestSecret = (secret: string) => sha256Hex(secret);

export function guestLinkUrl(token: string): string {
  return new URL(`/guest/${token}`, env.APP_BASE_URL).toString();
}

/** The claim cookie of a guest's browser: the first browser that joins through a link owns it. */
export const GUEST_CLAIM_COOKIE = "carevisit-guest";
