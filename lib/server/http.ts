import "server-only";

import { ZodError } from "zod";

import {
  AppError,
  fieldErrorsOf,
  isUnstorableTextError,
  UNSTORABLE_TEXT_MESSAGE,
} from "@/lib/errors";
import { errorFields, log } from "@/lib/log";

export type ErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string[]> };
};

function errorResponse(
  status: number,
  body: ErrorBody,
  headers?: Record<string, string>,
): Response {
  return Response.json(body, { status, headers });
}

export function badRequest(message: string, error?: ZodError, status = 400): Response {
  const fields = error ? fieldErrorsOf(error) : undefined;
  return errorResponse(status, { error: { code: "bad_request", message, fields } });
}

/** AppError → its status and public message; ZodError → 400 with fields; anything else → logged 500. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body = {
      error: { code: error.code, message: error.publicMessage, fields: error.extra.fields },
    };
    return errorResponse(error.status, body, error.extra.headers);
  }
  if (error instanceof ZodError) return badRequest("Invalid request", error);
  if (isUnstorableTextError(error))
    return errorResponse(400, { error: { code: "bad_request", message: UNSTORABLE_TEXT_MESSAGE } });
  log.error("route.unhandled_error", errorFields(error));
  return errorResponse(500, { error: { code: "internal", message: "Something went wrong" } });
}

type RouteHandler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so that a thrown error becomes the matching response. */
export function handleRoute<C = unknown>(handler: RouteHandler<C>): RouteHandler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
