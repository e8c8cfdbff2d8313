import "server-only";

import { AppError } from "@/lib/errors";
import type { StoredOutcome } from "@/lib/inbound/store-notifications";

// What an inbound notification's handler answers its sender, whoever the sender is (Zoom's webhook,
// the telehealth GET): a status, a JSON body and, for some senders, headers. Handlers refuse by
// throwing an AppError (its code decides the status: 400 malformed, 401 unsigned or wrong
// credentials, 404 unknown visit, 503 "retry later"); `answerRefusals` turns it into the answer.
// Anything else thrown is a bug, left to the route's 500.

export type InboundOutcome = {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
};

/** 200 with what became of the notification: `applied`, `ignored`, `unmatched` or `duplicate`. */
export function acknowledgement(outcome: StoredOutcome): InboundOutcome {
  return { status: 200, body: { status: outcome.toLowerCase() } };
}

/** The sender's answer to a refusal: the code's status, `{ error: { code, message, fields? } }`. */
export function refusalOf(error: AppError): InboundOutcome {
  const { fields, headers } = error.extra;
  const body = {
    error: { code: error.code, message: error.message, ...(fields ? { fields } : {}) },
  };
  return headers ? { status: error.status, body, headers } : { status: error.status, body };
}

/** Runs a handler, answering the AppError it throws as a refusal. */
export async function answerRefusals(
  handle: () => Promise<InboundOutcome>,
): Promise<InboundOutcome> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof AppError) return refusalOf(error);
    throw error;
  }
}

/** The refusal of a notification that could not be stored: the sender retries it. */
export function notStoredRefusal(what: "event" | "notification"): AppError {
  return new AppError("unavailable", `The ${what} could not be stored; retry later`);
}

/** A body over the entry point's cap, however it is noticed (announced, or counted as it arrives). */
export function bodyTooLarge(cap: string): InboundOutcome {
  return {
    status: 413,
    body: { error: { code: "bad_request", message: `Body larger than ${cap}` } },
  };
}

/** A body still arriving when its time was up (a slow sender, or one that stalled). */
export function bodyTimedOut(seconds: number): InboundOutcome {
  return {
    status: 408,
    body: { error: { code: "bad_request", message: `Body not received within ${seconds} s` } },
  };
}
