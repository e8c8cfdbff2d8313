import "server-only";

import { sha256Hex } from "@/lib/crypto/hmac";
import { db } from "@/lib/db";
import { verifyNotifierCredentials } from "@/lib/telehealth/find-telehealth-config";
import type { NotifierCredentialsCheck } from "@/lib/telehealth/types";

import { createExpiringSet } from "./expiring-set";

// verifyNotifierCredentials runs bcrypt (cost 12, about 250 ms of CPU), and Zoom sends one
// notification per person per join and leave. So this process remembers, for a few minutes, which
// Authorization headers were valid against which stored credentials. The key covers the
// organization, the header and the stored username and hash; a new password (always a new salt),
// a new username or removed credentials give another key, so a remembered header is never accepted
// against credentials it was not checked against. Only "valid" is remembered: a wrong password pays
// bcrypt every time. Keys are SHA-256 digests: no header or password is kept in memory.

const REMEMBER_MS = 5 * 60_000;
const MAX_REMEMBERED = 1_000;

const verifiedHeaders = createExpiringSet({ ttlMs: REMEMBER_MS, maxSize: MAX_REMEMBERED });

/** Like verifyNotifierCredentials, but a header found valid recently skips bcrypt. */
export async function checkNotifierCredentials(
  organizationId: string,
  authorizationHeader: string | null,
  now: Date,
): Promise<NotifierCredentialsCheck> {
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
  if (key && verifiedHeaders.has(key, now.getTime())) return "valid";
  const check = await verifyNotifierCredentials(organizationId, authorizationHeader);
  // Should the credentials change between the two reads, the verdict is filed under the old
  // ones, which no later read returns: a stale entry is never hit, so it is never wrong.
  if (key && check === "valid") verifiedHeaders.add(key, now.getTime());
  return check;
}
