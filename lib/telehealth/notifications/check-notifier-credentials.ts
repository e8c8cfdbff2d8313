import "server-only";

import { LRUCache } from "lru-cache";

import { hitRateLimit, type RateLimitRule, refundRateLimit } from "@/lib/auth/rate-limit";
import { sha256Hex } from "@/lib/crypto/hmac";
import { db } from "@/lib/db/db";
import { parseBasicAuthorization } from "@/lib/telehealth/basic-authorization";
import { verifyNotifierCredentials } from "@/lib/telehealth/find-telehealth-config";
import type { NotifierCredentialsCheck } from "@/lib/telehealth/types";

// verifyNotifierCredentials runs bcrypt (cost 12, about 250 ms of CPU on the event loop), and Zoom
// sends one notification per person per join and leave. So this process remembers, while they keep
// coming (until a day after the last use), which Authorization headers were valid against which
// stored credentials, and checks a header only once however many of its notifications arrive
// together. The key covers the organization, the header and the stored username and hash; a new
// password (always a new salt), a new username or removed credentials give another key, so a
// remembered header is never accepted against credentials it was not checked against. Only "valid"
// is remembered. Keys are SHA-256 digests: no header or password is kept in memory.
//
// Anyone who knows a visit id could otherwise make the server run bcrypt at will. So every check
// first counts against the clinic and the sender's address, in one atomic statement (concurrent
// checks cannot slip past the limit), and a valid one is given back: past the limit, that address
// gets 503 before bcrypt until the window ends. Per address, as the sign-in limits are, so that a
// sender with a wrong password or an attacker holds up no one else (behind a proxy, set
// TRUSTED_PROXY_COUNT so the address cannot be forged).

const REMEMBER_MS = 24 * 60 * 60_000;
const MAX_REMEMBERED = 1_000;

export const NOTIFIER_FAILURES: RateLimitRule = {
  name: "telehealth-notifier:organization-ip",
  limit: 30,
  windowSeconds: 15 * 60,
};

const verifiedHeaders = new LRUCache<string, true>({
  max: MAX_REMEMBERED,
  ttl: REMEMBER_MS,
  updateAgeOnGet: true,
});

export type NotifierAuthorization =
  { check: NotifierCredentialsCheck } | { check: "too_many_failures"; retryAfterSeconds: number };

/** Checks under way, by key: notifications that arrive together share one bcrypt. */
const checksInFlight = new Map<string, Promise<NotifierAuthorization>>();

/** Whose failed checks count together: one address's, at one clinic. */
export function buildNotifierLimitSubject(organizationId: string, clientIp: string | null): string {
  return `${organizationId}:${clientIp ?? "unknown"}`;
}

async function recordNotifierCheck(
  organizationId: string,
  authorizationHeader: string,
  clientIp: string | null,
  key: string,
): Promise<NotifierAuthorization> {
  const subject = buildNotifierLimitSubject(organizationId, clientIp);
  const limit = await hitRateLimit(NOTIFIER_FAILURES, subject);
  if (!limit.allowed)
    return { check: "too_many_failures", retryAfterSeconds: limit.retryAfterSeconds };
  const check = await verifyNotifierCredentials(organizationId, authorizationHeader);
  // Should the credentials change between the two reads, the verdict is filed under the old
  // ones, which no later read returns: a stale entry is never hit, so it is never wrong.
  if (check === "valid") {
    verifiedHeaders.set(key, true);
    await refundRateLimit(NOTIFIER_FAILURES, subject);
  }
  return { check };
}

/**
 * Like verifyNotifierCredentials, but a header found valid recently skips bcrypt, and an address
 * with too many failed checks is refused before it.
 */
export async function checkNotifierCredentials(
  organizationId: string,
  authorizationHeader: string | null,
  clientIp: string | null,
): Promise<NotifierAuthorization> {
  const stored = await db.telehealthSettings.findUnique({
    where: { organizationId },
    select: { notifierUsername: true, notifierPasswordHash: true },
  });
  // Without stored credentials, or without a Basic header to check them against, no bcrypt runs
  // (the same verdicts as verifyNotifierCredentials, without reading the settings again).
  if (!stored?.notifierUsername || !stored.notifierPasswordHash) return { check: "not_configured" };
  if (!authorizationHeader || !parseBasicAuthorization(authorizationHeader))
    return { check: "invalid" };
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
    inFlight = recordNotifierCheck(organizationId, authorizationHeader, clientIp, key).finally(() =>
      checksInFlight.delete(key),
    );
    checksInFlight.set(key, inFlight);
  }
  return inFlight;
}
