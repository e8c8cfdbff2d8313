import { env } from "@/lib/env";

// One JSON line per event. Log ids only: never tokens, secrets, bodies, names, emails, phones, birth dates.

type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, string | number | boolean | null | undefined>;

const LEVELS: Record<Level | "silent", number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

// A last line of defence: values under these keys never reach the log.
const REDACTED_KEYS =
  /token|secret|password|authorization|cookie|otp|email|phone|firstname|lastname|birth/i;

function write(level: Level, event: string, fields: Fields = {}) {
  if (LEVELS[level] < LEVELS[env.LOG_LEVEL]) return;
  const safe: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    safe[key] = REDACTED_KEYS.test(key) ? "[redacted]" : value;
  }
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...safe });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

/**
 * What a log line may say about an error. Prisma's messages quote the failed query's arguments
 * (personal data, payloads), so for them only the error's name and code are kept.
 */
export function errorFields(error: unknown): Fields {
  if (!(error instanceof Error)) return { errorType: typeof error };
  if (error.name.startsWith("Prisma")) {
    const code = (error as { code?: unknown }).code;
    return { errorType: error.name, ...(typeof code === "string" ? { errorCode: code } : {}) };
  }
  return { errorType: error.name, errorMessage: error.message };
}

export const log = {
  debug: (event: string, fields?: Fields) => write("debug", event, fields),
  info: (event: string, fields?: Fields) => write("info", event, fields),
  warn: (event: string, fields?: Fields) => write("warn", event, fields),
  error: (event: string, fields?: Fields) => write("error", event, fields),
};
