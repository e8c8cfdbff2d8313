import "server-only";

import { randomBytes } from "node:crypto";

import type { PasswordLinkPurpose } from "@/generated/prisma/enums";
import { sha256Hex } from "@/lib/crypto/hmac";
import { db, type Tx } from "@/lib/db/db";

// Emailed links that set a password: an invitation to the portal (7 days) or a reset (1 hour).
// The token (32 random bytes) is only in the email; the database keeps its SHA-256. Each link works
// once, and a newer link of the same purpose revokes the older ones.

export const LINK_LIFETIME_MS: Record<PasswordLinkPurpose, number> = {
  INVITATION: 7 * 24 * 60 * 60_000,
  RESET: 60 * 60_000,
};

export const hashLinkToken = (token: string): string => sha256Hex(`password-link:${token}`);

export type IssuePasswordLinkOptions = {
  userId: string;
  purpose: PasswordLinkPurpose;
  sentById: string | null;
  now?: Date;
};

/** A new link for the user; the older ones of the same purpose stop working. Returns the token. */
export async function issuePasswordLink(
  tx: Tx,
  options: IssuePasswordLinkOptions,
): Promise<string> {
  const { userId, purpose, sentById, now = new Date() } = options;
  await tx.passwordLink.updateMany({
    where: { userId, purpose, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = randomBytes(32).toString("base64url");
  await tx.passwordLink.create({
    data: {
      userId,
      purpose,
      sentById,
      tokenHash: hashLinkToken(token),
      expiresAt: new Date(now.getTime() + LINK_LIFETIME_MS[purpose]),
    },
    select: { id: true },
  });
  return token;
}

export type PasswordLinkStatus = "valid" | "expired" | "used" | "unknown";

const linkSelect = {
  id: true,
  purpose: true,
  expiresAt: true,
  usedAt: true,
  revokedAt: true,
  user: {
    select: {
      id: true,
      email: true,
      firstName: true,
      isActive: true,
      role: true,
      organization: { select: { name: true } },
    },
  },
} as const;

/** What opening the link shows (opening it never uses it up: only setting the password does). */
export async function findPasswordLink(
  token: string,
  purpose: PasswordLinkPurpose,
  now = new Date(),
) {
  const link = await db.passwordLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: linkSelect,
  });
  if (!link || link.purpose !== purpose || !link.user.isActive)
    return { status: "unknown" as const, link: null };
  const status: PasswordLinkStatus = link.usedAt
    ? "used"
    : link.revokedAt || link.expiresAt <= now
      ? "expired"
      : "valid";
  return { status, link };
}

/**
 * Uses the link up, in the caller's transaction: only one of concurrent submissions can. Returns
 * the user's id, or null when the link is unknown, used, revoked or expired.
 */
export async function consumePasswordLink(
  tx: Tx,
  token: string,
  purpose: PasswordLinkPurpose,
  now = new Date(),
): Promise<string | null> {
  const tokenHash = hashLinkToken(token);
  const { count } = await tx.passwordLink.updateMany({
    where: { tokenHash, purpose, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  const link = await tx.passwordLink.findUniqueOrThrow({
    where: { tokenHash },
    select: { userId: true },
  });
  return link.userId;
}
