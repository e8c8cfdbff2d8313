// How long Zoom asks us to wait after a 429. @see docs/protocols/zoom-rest.md#rate-limits
// QPS limits send X-RateLimit-Reset (unix seconds); daily limits send Retry-After as an ISO
// datetime; a plain number of seconds is accepted too, as HTTP allows it.

const DEFAULT_DELAY_MS = 1_000;

export function rateLimitDelayMs(headers: Headers, now = Date.now()): number {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.max(0, Number(retryAfter) * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get("x-ratelimit-reset")?.trim();
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return DEFAULT_DELAY_MS;
}
