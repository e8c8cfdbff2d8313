import "server-only";

import { JoinMode } from "@/generated/prisma/enums";
import { verifyPassword } from "@/lib/auth/password";
import { decryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { safeEqual } from "@/lib/crypto/hmac";
import { db } from "@/lib/db/db";
import { parseBasicAuthorization } from "@/lib/telehealth/basic-authorization";
import type { NotifierCredentialsCheck, TelehealthJoinConfig } from "@/lib/telehealth/types";

// What the join flow and the notification endpoint read from the telehealth settings.

/**
 * The key, the decrypted secret and the privacy switch, when the organization joins visits through
 * encrypted telehealth links; null when it uses Zoom's own links (or has no key or secret).
 * @see docs/protocols/telehealth-urls.md#launch-url-and-plaintext
 */
export async function findTelehealthJoinConfig(
  organizationId: string,
): Promise<TelehealthJoinConfig | null> {
  const row = await db.telehealthSettings.findUnique({
    where: { organizationId },
    select: { joinMode: true, apiKey: true, apiSecret: true, includeIdentity: true },
  });
  if (row?.joinMode !== JoinMode.TELEHEALTH_URL || !row.apiKey || !row.apiSecret) return null;
  return {
    apiKey: row.apiKey,
    apiSecret: decryptSecret(row.apiSecret, sealedFields.telehealthApiSecret(organizationId)),
    includeIdentity: row.includeIdentity,
  };
}

/**
 * Checks the Basic credentials of a join/leave notification against the organization's stored
 * username and password hash. "not_configured" when the organization stored none.
 * @see docs/protocols/telehealth-notifications.md#credentials
 */
export async function verifyNotifierCredentials(
  organizationId: string,
  authorizationHeader: string | null,
): Promise<NotifierCredentialsCheck> {
  const row = await db.telehealthSettings.findUnique({
    where: { organizationId },
    select: { notifierUsername: true, notifierPasswordHash: true },
  });
  if (!row?.notifierUsername || !row.notifierPasswordHash) return "not_configured";
  const credentials = parseBasicAuthorization(authorizationHeader);
  if (!credentials) return "invalid";
  const isUsernameRight = safeEqual(credentials.username, row.notifierUsername);
  // The password is checked even after a wrong username, so that both take as long.
  const isPasswordRight = await verifyPassword(credentials.password, row.notifierPasswordHash);
  return isUsernameRight && isPasswordRight ? "valid" : "invalid";
}
