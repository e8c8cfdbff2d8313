import "server-only";

import { db } from "@/lib/db/db";
import { buildHitRateLimitSql, type RateLimitHitRow } from "@/lib/auth/rate-limit.sql";
import { sha256Hex } from "@/lib/crypto/hmac";

// Fixed-window counters in PostgreSQL, so every app instance shares them. One atomic statement
// per hit: concurrent attempts cannot slip past the limit.

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

export const SIGN_IN_LIMITS = {
  /**
   * Failed password attempts per account, from every address. Past it the account is being
   * guessed at: only addresses that have not been failing on it may still try (see below), so
   * an attacker slows down but can never lock the owner out.
   */
  passwordAccount: { name: "sign-in:password:account", limit: 5, windowSeconds: 15 * 60 },
  /**
   * Attempts per account and address while the account is past its limit: an address may try
   * while it has failed at most once on the account in the window (the owner may mistype once).
   */
  passwordAccountAddress: { name: "sign-in:password:account-ip", limit: 2, windowSeconds: 15 * 60 },
  /** The same two for one-time codes, counted apart: wrong codes never hold up password sign-in. */
  codeAccount: { name: "sign-in:code:account", limit: 5, windowSeconds: 15 * 60 },
  codeAccountAddress: { name: "sign-in:code:account-ip", limit: 2, windowSeconds: 15 * 60 },
  /**
   * Failed sign-ins and code requests from one address. Successful sign-ins are refunded: a whole
   * clinic often shares one public address.
   */
  ip: { name: "sign-in:ip", limit: 50, windowSeconds: 15 * 60 },
  /** Code emails per account. */
  codeRequest: { name: "code-request:account", limit: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

function counterKey(rule: RateLimitRule, subject: string): string {
  // Subjects (emails, addresses) are hashed: the table holds no personal data.
  return `${rule.name}:${sha256Hex(subject.toLowerCase())}`;
}

const PRUNE_PROBABILITY = 0.01;

export async function hitRateLimit(rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
  if (Math.random() < PRUNE_PROBABILITY) void pruneRateLimits().catch(() => undefined);
  const rows = await db.$queryRaw<RateLimitHitRow[]>(
    buildHitRateLimitSql(counterKey(rule, subject), rule.windowSeconds),
  );
  const row = rows[0];
  if (!row) throw new Error("Rate limit counter was not returned");
  return { allowed: row.hits <= rule.limit, retryAfterSeconds: row.retryAfter };
}

/** Gives back one hit (a sign-in that succeeded should not count against its address). */
export async function refundRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  await db.rateLimitCounter.updateMany({
    where: { key: counterKey(rule, subject), hits: { gt: 0 } },
    data: { hits: { decrement: 1 } },
  });
}

export async function resetRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { key: counterKey(rule, subject) } });
}

/** Removes counters whose window ended long ago; run now and then, in the background. */
async function pruneRateLimits(olderThanSeconds = 24 * 60 * 60): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanSeconds * 1000);
  const { count } = await db.rateLimitCounter.deleteMany({
    where: { windowStart: { lt: cutoff } },
  });
  return count;
}
