import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/db";
import { log } from "@/lib/log";
import {
  type Decision,
  decideAfterError,
  decideAfterNetworkError,
  unexpectedSuccessBody,
  type ZoomAnswer,
  ZoomApiError,
} from "@/lib/zoom/api/retry-policy";
import { getZoomSettings } from "@/lib/zoom/config";
import { stampZoomSuccess } from "@/lib/zoom/connection-stamps";
import { getValidAccessToken, refreshAccessToken } from "@/lib/zoom/tokens";

// The one way the app calls Zoom's REST API (only lib/zoom/api/* call it): authenticate, send,
// act on retry-policy.ts's decision, and parse every success with the caller's schema. It never
// returns null for "failed". @see docs/protocols/zoom-rest.md

export { ZoomApiError };

const REQUEST_TIMEOUT_MS = 10_000;

/** The Zoom error behind an AppError thrown by a Zoom call, if any. */
export function zoomErrorOf(error: unknown): ZoomApiError | null {
  if (error instanceof ZoomApiError) return error;
  if (error instanceof Error && error.cause instanceof ZoomApiError) return error.cause;
  return null;
}

export type ZoomConnectionRef = { id: string };

export type ZoomRequest<T> = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** null for 204 No Content answers. */
  schema: z.ZodType<T> | null;
};

async function send(token: string, request: ZoomRequest<unknown>): Promise<ZoomAnswer> {
  const url = new URL(`${getZoomSettings().apiBaseUrl}${request.path}`);
  if (request.query) url.search = new URLSearchParams(request.query).toString();
  const response = await fetch(url, {
    method: request.method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text; // Zoom sometimes answers XML or HTML (docs/protocols/zoom-rest.md#errors).
  }
  return {
    status: response.status,
    headers: response.headers,
    body,
    trackingId: response.headers.get("x-zm-trackingid"),
  };
}

async function giveUp(
  connectionId: string,
  decision: Extract<Decision, { action: "fail" }>,
): Promise<never> {
  if (decision.adminNote) {
    await db.zoomConnection.update({
      where: { id: connectionId },
      data: { lastErrorAt: new Date(), lastError: decision.adminNote.slice(0, 500) },
      select: { id: true },
    });
  }
  throw decision.error;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function zoomRequest<T>(
  connection: ZoomConnectionRef,
  request: ZoomRequest<T>,
): Promise<T> {
  // Paths can hold an email (GET /users/{email}): logs and notes name the route, not the person.
  const path = request.path.replace(/[^/]*@[^/]*/g, "{email}");
  const what = `${request.method} ${path}`;
  const isIdempotent = request.method !== "POST";
  let credential = await getValidAccessToken(connection.id);
  let hasRefreshed = false;
  for (let attempt = 1; ; attempt++) {
    let decision: Decision;
    try {
      const answer = await send(credential.token, request);
      if (answer.status >= 200 && answer.status < 300) {
        const parsed = request.schema
          ? request.schema.safeParse(answer.body)
          : { success: true as const, data: undefined as T };
        if (parsed.success) {
          await stampZoomSuccess(connection.id);
          return parsed.data;
        }
        decision = unexpectedSuccessBody(answer, what);
      } else {
        decision = decideAfterError(answer, { attempt, hasRefreshed, what, isIdempotent });
      }
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      decision = decideAfterNetworkError(failure, { attempt, hasRefreshed, what, isIdempotent });
    }

    if (decision.action === "fail") return giveUp(connection.id, decision);
    if (decision.action === "refresh") {
      hasRefreshed = true;
      credential = await refreshAccessToken(connection.id, credential.version);
    } else {
      log.warn("zoom.request_retry", { request: what, attempt, waitMs: decision.afterMs });
      await sleep(decision.afterMs);
    }
  }
}
