import { type z } from "zod";

import { readJson } from "../http/request-body";
import { sendJson } from "../http/responses";
import { type RequestContext } from "../http/router";

// The control API speaks our own conventions (STYLE.md §7): invalid input is
// 400 `{ error: { code: "bad_request", message, fields } }`.

export function sendControlError(
  context: RequestContext,
  status: number,
  code: string,
  message: string,
) {
  sendJson(context.res, status, { error: { code, message } });
}

export async function readControlBody<T>(
  context: RequestContext,
  schema: z.ZodType<T>,
): Promise<T | null> {
  const json = await readJson(context.req);
  if (!json.isValid) {
    sendControlError(context, 400, "bad_request", "The body is not JSON.");
    return null;
  }
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(
    parsed.error.issues.map((issue) => [
      issue.path.map(String).join(".") || "(body)",
      issue.message,
    ]),
  );
  sendJson(context.res, 400, { error: { code: "bad_request", message: "Invalid body", fields } });
  return null;
}
