import { AppError } from "@/lib/errors";
import { rateLimitDelayMs } from "@/lib/zoom/rate-limit-delay";
import { zoomApiErrorSchema } from "@/lib/zoom/schemas";

// What zoomRequest does with an answer that is not a success, decided without any I/O.
// @see docs/protocols/zoom-rest.md#errors (code 124)
// @see docs/protocols/zoom-rest.md#rate-limits (429)
// @see docs/protocols/zoom-rest.md#errors (error bodies)

export const MAX_ATTEMPTS = 3;
const BACKOFF_MS = [300, 1_000];
/** Longer waits are not worth holding a person's click for: fail with "rate limited" instead. */
export const MAX_RATE_LIMIT_WAIT_MS = 5_000;

/** A Zoom REST error: HTTP status, Zoom's `code` and message, and the tracking id for support. */
export class ZoomApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    readonly zoomMessage: string,
    readonly trackingId: string | null,
  ) {
    super(`Zoom API ${status}${code === undefined ? "" : ` code ${code}`}: ${zoomMessage}`);
    this.name = "ZoomApiError";
  }
}

export type ZoomAnswer = {
  status: number;
  headers: Headers;
  body: unknown;
  trackingId: string | null;
};

export type Decision =
  | { action: "refresh" }
  | { action: "retry"; afterMs: number }
  /** `adminNote` is recorded on the connection for the admin page; client errors are not. */
  | { action: "fail"; error: AppError; adminNote: string | null };

function withRequestId(message: string, trackingId: string | null): string {
  return `${message} (Zoom request id ${trackingId ?? "unknown"})`;
}

function fail(
  code: "upstream_unavailable" | "rate_limited",
  cause: Error,
  userMessage: string,
  adminNote: string | null,
): Decision {
  return {
    action: "fail",
    error: new AppError(code, cause.message, { cause, userMessage }),
    adminNote,
  };
}

export function backoffMs(attempt: number): number {
  return BACKOFF_MS[attempt - 1] ?? 1_000;
}

/**
 * A POST that timed out or failed with a 5xx may still have been carried out (a meeting created):
 * only idempotent requests are repeated.
 */
export type RequestState = {
  attempt: number;
  hasRefreshed: boolean;
  what: string;
  isIdempotent: boolean;
};

export function decideAfterNetworkError(error: Error, state: RequestState): Decision {
  const { attempt, what } = state;
  if (attempt < MAX_ATTEMPTS && state.isIdempotent)
    return { action: "retry", afterMs: backoffMs(attempt) };
  const note = `Zoom could not be reached (${what})`;
  return fail(
    "upstream_unavailable",
    error,
    "Zoom could not be reached. Try again in a moment.",
    note,
  );
}

export function unexpectedSuccessBody(answer: ZoomAnswer, what: string): Decision {
  const error = new ZoomApiError(
    answer.status,
    undefined,
    `unexpected response to ${what}`,
    answer.trackingId,
  );
  return fail(
    "upstream_unavailable",
    error,
    withRequestId("Zoom sent an unexpected answer", answer.trackingId),
    withRequestId(error.message, answer.trackingId),
  );
}

export function decideAfterError(
  answer: ZoomAnswer,
  state: RequestState,
  nowMs = Date.now(),
): Decision {
  const parsed = zoomApiErrorSchema.safeParse(answer.body);
  const error = new ZoomApiError(
    answer.status,
    parsed.data?.code,
    parsed.data?.message ?? "unexpected response",
    answer.trackingId,
  );
  if (answer.status === 401 && error.code === 124 && !state.hasRefreshed)
    return { action: "refresh" };
  if (answer.status === 429) {
    const waitMs = rateLimitDelayMs(answer.headers, nowMs);
    if (waitMs <= MAX_RATE_LIMIT_WAIT_MS && state.attempt < MAX_ATTEMPTS)
      return { action: "retry", afterMs: waitMs };
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    const userMessage = `Zoom's usage limit is reached. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
    return fail("rate_limited", error, userMessage, `Zoom rate limit reached (${state.what})`);
  }
  if (answer.status >= 500 && state.attempt < MAX_ATTEMPTS && state.isIdempotent)
    return { action: "retry", afterMs: backoffMs(state.attempt) };
  const isOurs = answer.status < 500 && answer.status !== 401;
  return fail(
    "upstream_unavailable",
    error,
    withRequestId(`Zoom could not do that: ${error.zoomMessage}`, answer.trackingId),
    isOurs ? null : withRequestId(error.message, answer.trackingId),
  );
}
