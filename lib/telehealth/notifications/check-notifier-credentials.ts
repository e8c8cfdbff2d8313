import "server-only";

import { LRUCache } from "lru-cache";

import { hitRateLimit, peekRateLimit, type RateLimitRule } from "@/lib/auth/rate-limit";
import { sha256Hex } from "@/lib/crypto/hmac";
import { db } from "@/lib/db";
import { parseBasicAuthorization } from "@/lib/telehealth/basic-authorization";
import { verifyNotifierCredentials } from "@/lib/telehealth/find-telehealth-config";
import type { NotifierCredentialsCheck } from "@/lib/telehealth/types";

// verifyNotifierCredentials runs bcrypt (cost 12, about 250 ms of CPU), and Zoom sends one
// notification per person per join and leave. So this process remembers, while they keep coming
// (until a day after the last use), which Authorization headers were valid against which stored
// credentials, and checks a header only once however many of its notifications arrive together.
// The key covers the organization, the header and the stored username and hash; a new password
// (always a new salt), a new username or removed credentials give another key, so a remembered
// header is never accepted against credentials it was not checked against. Only "valid" is
// remembered. Keys are SHA-256 digests: no header or password is kept in memory.
//
// Anyone who knows a visit id could otherwise make the server run bcrypt at will, so failed checks
// count against the clinic (not the address, which a sender can forge): once it has had too many,
// headers that are not remembered are refused before bcrypt until the window ends.

const REMEMBER_MS = 24 * 60 * 60_000;
const MAX_REMEMBERED = 1_000;

export const NOTIFIER_FAILURES: RateLimitRule = {
  name: "telehealth-notifier:organization",
  limit: 30,
  windowSeconds: 15 * 60,
};

const verifiedHeaders = new LRUCache<string, true>({
  max: MAX_REMEMBERED,
  ttl: REMEMBER_MS,
  updateAgeOnGet: true,
});

/** Checks under way, by key: notifications that arrive together share one bcrypt. */
const checksInFlight = new Map<string, Promise<NotifierAuthorization>>();

export type NotifierAuthorization =
  { check: NotifierCredentialsCheck } | { check: "too_many_failures"; retryAfterSeconds: number };

async function checkAndCount(
  organizationId: string,
  authorizationHeader: string,
  key: string,
): Promise<NotifierAuthorization> {
  const limit = await peekRateLimit(NOTIFIER_FAILURES, organizationId);
  if (!limit.allowed)
    return { check: "too_many_failures", retryAfterSeconds: limit.retryAfterSeconds };
  const check = await verifyNotifierCredentials(organizationId, authorizationHeader);
  // Should the credentials change between the two reads, the verdict is filed under the old
  // ones, which no later read returns: a stale entry is never hit, so it is never wrong.
  if (check === "valid") verifiedHeaders.set(key, true);
  if (check === "invalid") await hitRateLimit(NOTIFIER_FAILURES, organizationId);
  return { check };
}

/** Like verifyNotifierCredentials, but a header found valid recently skips bcrypt, and failures are limited per clinic. */
export async function checkNotifierCredentials(
  organizationId: string,
  authorizationHeader: string | null,
): Promise<NotifierAuthorization> {
  const stored = await db.telehealthSettings.findUnique({
    where: { organizationId },
    select: { notifierUsername: true, notifierPasswordHash: true },
  });
  // Without stored credentials, or without a Basic header to check them against, no bcrypt runs.
  if (
    !stored?.notifierUsername ||
    !stored.notifierPasswordHash ||
    !authorizationHeader ||
    !parseBasicAuthorization(authorizationHeader)
  )
    return { check: await verifyNotifierCredentials(organizationId, authorizationHeader) };
  const key = sha256Hex(
    JSON.stringify([
      organizationId,
      authorizationHeader,
      stored.notifierUsername,
      stored.notifierPasswordHash,
    ]),
  );
  if (verifiedHeaders.get(key)) return { check: "valid" };
  let inFlight = checksInFlight.get(key);
  if (!inFlight) {
    inFlight = checkAndCount(organizationId, authorizationHeader, key).finally(() =>
      checksInFlight.delete(key),
    );
    checksInFlight.set(key, inFlight);
  }
  return inFlight;
}
