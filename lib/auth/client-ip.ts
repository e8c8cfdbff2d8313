import { env } from "@/lib/env";

// Where a request came from. Every trusted reverse proxy appends the address of its peer to
// X-Forwarded-For, so with TRUSTED_PROXY_COUNT = n the client is the n-th entry from the right;
// whatever stands further left was written by the client and proves nothing. With no proxy the
// only address worth anything is the socket's. The production server (server.ts) rewrites the
// header with `forwardedForOf` before anything reads it, and the app reads it with `clientIpFrom`.

const MAX_ADDRESS_LENGTH = 64;

function entriesOf(header: string | readonly string[] | null | undefined): string[] {
  const joined = typeof header === "string" ? header : (header ?? []).join(",");
  return joined
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * The X-Forwarded-For the app should see, from the header as received and the socket's peer:
 * with no trusted proxy, the socket's address alone; with n, the n entries the proxies appended
 * (the client's first). A request with fewer than n entries did not come through the proxies
 * (or one of them does not append), so nothing in its header can be trusted: the socket's
 * address stands instead.
 */
export function forwardedForOf(
  received: string | readonly string[] | undefined,
  socketAddress: string | undefined,
  trustedProxyCount: number,
): string | undefined {
  const entries = entriesOf(received);
  if (trustedProxyCount > 0 && entries.length >= trustedProxyCount)
    return entries.slice(-trustedProxyCount).join(", ");
  return socketAddress;
}

/**
 * The client's address: the n-th entry from the right of X-Forwarded-For with n trusted proxies,
 * the last one with none (the socket's, as the production server sets it; under `next dev` and
 * `next start` Next.js sets it only when the client sent none). Fewer entries than proxies: the
 * first, as the production server leaves it.
 */
export function clientIpFrom(
  headers: Headers,
  trustedProxyCount = env.TRUSTED_PROXY_COUNT,
): string | null {
  const entries = entriesOf(headers.get("x-forwarded-for"));
  const fromRight = Math.max(trustedProxyCount, 1);
  const entry = entries[entries.length - fromRight] ?? entries[0];
  return entry ? entry.replace(/^::ffff:/, "").slice(0, MAX_ADDRESS_LENGTH) : null;
}
