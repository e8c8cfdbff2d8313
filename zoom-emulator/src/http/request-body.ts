import { type IncomingMessage } from "node:http";

// Request bodies, read once and capped: the emulator is a test double, not a file server.

const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError("Request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function isFormContentType(req: IncomingMessage): boolean {
  const type = req.headers["content-type"];
  return type === undefined || type.toLowerCase().startsWith("application/x-www-form-urlencoded");
}

export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const body = await readBody(req);
  if (!isFormContentType(req)) return {};
  return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
}

export type JsonBody = { isValid: true; value: unknown } | { isValid: false };

// An empty body is `{}`: PATCH and control calls often send nothing.
export async function readJson(req: IncomingMessage): Promise<JsonBody> {
  const text = (await readBody(req)).toString("utf8");
  if (text.trim() === "") return { isValid: true, value: {} };
  try {
    const value: unknown = JSON.parse(text);
    return { isValid: true, value };
  } catch {
    return { isValid: false };
  }
}
