import { type z } from "zod";

// REST error bodies are `{code, message}` (zoom-rest.md#errors). These are the ones the emulator
// produces.

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string | number>;
}

export function restError(status: number, code: number, message: string): RestResponse {
  return { status, body: { code, message } };
}

export const INVALID_TOKEN = restError(401, 124, "Invalid access token.");

export function userNotFound(userId: string): RestResponse {
  return restError(404, 1001, `User does not exist: ${userId}.`);
}

export function meetingNotFound(meetingId: string): RestResponse {
  return restError(404, 3001, `Meeting does not exist: ${meetingId}.`);
}

export function invalidJson(): RestResponse {
  return restError(400, 300, "Request Body should be a valid JSON object.");
}

// Zoom's validation failures list each bad field.
export function validationFailed(error: z.ZodError): RestResponse {
  const errors = error.issues.map((issue) => ({
    field: issue.path.map(String).join("."),
    message: issue.message,
  }));
  return { status: 400, body: { code: 300, message: "Validation Failed.", errors } };
}

export function fieldInvalid(field: string, message: string): RestResponse {
  return {
    status: 400,
    body: { code: 300, message: "Validation Failed.", errors: [{ field, message }] },
  };
}
