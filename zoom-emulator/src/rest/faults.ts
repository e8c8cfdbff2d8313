import { type Emulator } from "../emulator";
import { type Fault } from "../state/state-schema";
import { limitFor, rateLimitCategory } from "./rate-limit";
import { type RestResponse } from "./rest-errors";

// Injected failures from `POST /_emulator/faults`: the next `count` matching requests get Zoom's
// 429 (QPS: `X-RateLimit-Reset` in unix seconds; daily: `Retry-After` as an ISO datetime,
// zoom-rest.md#rate-limits) or a 5xx `{code, message}`. Reset and retry times use the wall clock,
// because callers compare them with their own clock.

const QPS_MESSAGE =
  "You have reached the maximum per-second rate limit for this API. Try again later.";
const DAILY_MESSAGE =
  "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.";
const SERVER_MESSAGES: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

// "/users" and "/v2/users" both mean the REST path; "/oauth/…" targets the OAuth endpoints.
function normalizePrefix(prefix: string): string {
  if (prefix.startsWith("/v2/") || prefix === "/v2" || prefix.startsWith("/oauth")) return prefix;
  return `/v2${prefix.startsWith("/") ? "" : "/"}${prefix}`;
}

export function takeFault(emulator: Emulator, method: string, path: string): Fault | null {
  const { state } = emulator;
  const fault = state.faults.find(
    (candidate) =>
      (candidate.method === null || candidate.method === method) &&
      path.startsWith(normalizePrefix(candidate.pathPrefix)),
  );
  if (!fault) return null;
  fault.remaining -= 1;
  if (fault.remaining <= 0) state.faults = state.faults.filter((candidate) => candidate !== fault);
  emulator.changed();
  return fault;
}

export function faultResponse(fault: Fault, method: string, path: string): RestResponse {
  if (fault.status !== 429) {
    return {
      status: fault.status,
      body: { code: fault.status, message: SERVER_MESSAGES[fault.status] },
    };
  }
  const category = rateLimitCategory(method, path);
  const waitSeconds = fault.retryAfterSeconds ?? 1;
  const common = {
    "X-RateLimit-Category": category,
    "X-RateLimit-Limit": limitFor(category),
    "X-RateLimit-Remaining": 0,
  };
  if (fault.kind === "daily") {
    const retryAt = new Date(Date.now() + (fault.retryAfterSeconds ?? 3600) * 1000);
    return {
      status: 429,
      body: { code: 429, message: DAILY_MESSAGE },
      headers: {
        ...common,
        "X-RateLimit-Type": "Daily-limit",
        "Retry-After": retryAt.toISOString(),
      },
    };
  }
  return {
    status: 429,
    body: { code: 429, message: QPS_MESSAGE },
    headers: {
      ...common,
      "X-RateLimit-Type": "QPS",
      "X-RateLimit-Reset": Math.ceil(Date.now() / 1000 + waitSeconds),
    },
  };
}
