import { type Emulator } from "../emulator";

// Rate-limit labels and headers (zoom-rest.md#rate-limits). Per-second limits are those of a Pro
// account. The emulator reports them honestly but does not enforce them: parallel tests would trip
// over each other. Real 429s come from `POST /_emulator/faults` and from the per-user daily meeting
// cap.

export type RateLimitCategory = "Light" | "Medium" | "Heavy";

const PER_SECOND_LIMIT: Record<RateLimitCategory, number> = { Light: 30, Medium: 20, Heavy: 10 };

export function rateLimitCategory(method: string, path: string): RateLimitCategory {
  if (path.startsWith("/v2/report/")) return "Heavy";
  if (path.startsWith("/v2/past_meetings/")) return "Medium";
  if (method === "POST" && /^\/v2\/users\/[^/]+\/meetings$/.test(path)) return "Medium";
  if (method === "GET" && path === "/v2/users") return "Medium";
  return "Light";
}

export function rateLimitHeaders(
  emulator: Emulator,
  accountId: string,
  category: RateLimitCategory,
): Record<string, string | number> {
  const second = Math.floor(Date.now() / 1000);
  const key = `${accountId}:${category}:${second}`;
  const used = (emulator.qpsCounters.get(key) ?? 0) + 1;
  // Only the current second's counters matter.
  for (const stale of emulator.qpsCounters.keys()) {
    if (!stale.endsWith(`:${second}`)) emulator.qpsCounters.delete(stale);
  }
  emulator.qpsCounters.set(key, used);
  const limit = PER_SECOND_LIMIT[category];
  return {
    "X-RateLimit-Category": category,
    "X-RateLimit-Type": "QPS",
    "X-RateLimit-Limit": limit,
    "X-RateLimit-Remaining": Math.max(0, limit - used),
  };
}

export function limitFor(category: RateLimitCategory): number {
  return PER_SECOND_LIMIT[category];
}
