import { env } from "@/lib/env";

/**
 * The client's address. With TRUSTED_PROXY_COUNT = n, each trusted proxy appended its peer to
 * X-Forwarded-For, so the client is the n-th entry from the right. With 0 (no proxy), Next.js sets
 * the header to the socket address unless the client sent one, which a client can forge: per-IP
 * limits are then best-effort, and per-account limits still hold.
 */
export function clientIpFrom(
  headers: Headers,
  trustedProxyCount = env.TRUSTED_PROXY_COUNT,
): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const fromRight = Math.max(trustedProxyCount, 1);
  const entry = entries[entries.length - fromRight] ?? entries[0];
  return entry ? entry.replace(/^::ffff:/, "").slice(0, 64) : null;
}
