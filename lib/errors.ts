import type { ZodError } from "zod";

export const APP_ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  upstream_unavailable: 502,
  /** Ours, and transient: the sender should retry (a notification not stored, webhooks off). */
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export type AppErrorExtra = {
  cause?: unknown;
  /** Safe to show to the user; `message` is for logs and developers. */
  userMessage?: string;
  fields?: Record<string, string[]>;
  headers?: Record<string, string>;
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extra: AppErrorExtra = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = "AppError";
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }

  get publicMessage(): string {
    return this.extra.userMessage ?? this.message;
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** Field messages from a ZodError, keyed by the dotted path ("" for the whole input). */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** PostgreSQL cannot store the text: "character not in repertoire" (a NUL byte), "untranslatable". */
const UNSTORABLE_TEXT_CODES = new Set(["22021", "22P05"]);

export const UNSTORABLE_TEXT_MESSAGE =
  "Something you entered has a character that cannot be saved, such as a NUL byte. Remove it and try again.";

const sqlStateOf = (value: unknown): string | undefined =>
  typeof value === "object" && value !== null && "code" in value ? String(value.code) : undefined;

/**
 * Whether a database error means the input held text PostgreSQL cannot store: bad input, not a
 * fault (and nothing was written, as the statement failed). Recognises pg's error and Prisma's
 * driver adapter error, which carries it as its cause.
 */
export function isUnstorableTextError(error: unknown): boolean {
  const cause =
    typeof error === "object" && error !== null ? (error as { cause?: unknown }).cause : undefined;
  return [error, cause].some((value) => UNSTORABLE_TEXT_CODES.has(sqlStateOf(value) ?? ""));
}
