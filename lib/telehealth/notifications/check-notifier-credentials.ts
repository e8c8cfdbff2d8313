import "server-only";

import { LRUCache } from "lru-cache";

import { hitRateLimit, type RateLimitRule, refundRateLimit } from "@/lib/auth/rate-limit";
import { sha256Hex } from "@/lib/crypto/hmac";
import { db } from "@/lib/db";
import { verifyNotifierCredentials } from "@/lib/telehealth/find-telehealth-config";
import type { NotifierCredentialsCheck } from "@/lib/telehealth/types";

// verifyNotifierCredentials runs bcrypt (cost 12, about 250 ms of CPU), and Zoom sends one
// notification per person per join and leave. So this process remembers, while they keep coming
// (five minutes after the last use), which Authorization headers were valid against which stored
// credentials. The key covers the organization, the header and the stored username and hash; a new
// password (always a new salt), a new username or removed credentials give another key, so a
// remembered header is never accepted against credentials it was not checked against. Only "valid"
// is remembered. Keys are SHA-256 digests: no header or password is kept in memory.
//
// Any other header pays bcrypt, so checks that are not remembered count against the organization
// (not the address, which a sender can forge): past the limit they are refused before bcrypt, and
// one that turns out valid is given back. A sender whose header is remembered is never refused.

const REMEMBER_MS = 5 * 60_000;
const MAX_REMEMBERED = 1_000;

export const NOTIFIER_CHECKS: RateLimitRule = {
  name: "telehealth-notifier:organization",
  limit: 30,
  windowSeconds: 15 * 60,
};

const verifiedHeaders = new LRUCache<string, true>({
  max: MAX_REMEMBERED,
  ttl: REMEMBER_MS,
  updateAgeOnGet: true,
});

export type NotifierAuthorization =
  { check: NotifierCredentialsCheck } | { check: "rate_limited"; retryAfterSeconds: number };

/** Like verifyNotifierCredentials, but a header found valid recently skips bcrypt, and others are rate-limited. */
export async function checkNotifierCredentials(
  organizationId: string,
  authorizationHeader: string | null,
): Promise<NotifierAuthorization> {
  const stored = await db.telehealthSettings.findUnique({
    where: { organizationId },
    select: { notifierUsername: true, notifierPasswordHash: true },
  });
  const key =
    authorizationHeader && stored?.notifierUsername && stored.notifierPasswordHash
      ? sha256Hex(
          JSON.stringify([
            organizationId,
            authorizationHeader,
            stored.notifierUsername,
            stored.notifierPasswordHash,
          ]),
        )
      : null;
  if (key) {
    if (verifiedHeaders.get(key)) return { check: "valid" };
    const limit = await hitRateLimit(NOTIFIER_CHECKS, organizationId);
    if (!limit.allowed)
      return { check: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const check = await verifyNotifierCredentials(organizationId, authorizationHeader);
  // Should the credentials change between the two reads, the verdict is filed under the old
  // ones, which no later read returns: a stale entry is never hit, so it is never wrong.
  if (key && check === "valid") {
    verifiedHeaders.set(key, true);
    await refundRateLimit(NOTIFIER_CHECKS, organizationId);
  }
  return { check };
}
