import "server-only";

import { env } from "@/lib/env";
import {
  buildSignedOptOutToken,
  parseSignedOptOutToken,
} from "@/lib/visit-messages/opt-out-token-signature";

// The link in every reminder that stops reminders without signing in (app/reminders/stop), and
// the List-Unsubscribe one-click address (RFC 8058, POST /api/reminders/stop). Signed with a key
// derived from AUTH_SECRET for this purpose only (opt-out-token-signature.ts).

export function buildReminderOptOutToken(subjectId: string): string {
  return buildSignedOptOutToken(subjectId, env.AUTH_SECRET);
}

/** The subject id the token was made for, or null when it is malformed, tampered or not ours. */
export function parseReminderOptOutToken(token: unknown): string | null {
  return parseSignedOptOutToken(token, env.AUTH_SECRET);
}

/** The page that asks the patient to confirm (a GET never changes anything: scanners open links). */
export function buildReminderOptOutUrl(subjectId: string): string {
  const url = new URL("/reminders/stop", env.APP_BASE_URL);
  url.searchParams.set("token", buildReminderOptOutToken(subjectId));
  return url.toString();
}

/** The List-Unsubscribe address for one-click mail clients (RFC 8058): a POST stops reminders. */
export function buildReminderOneClickUrl(subjectId: string): string {
  const url = new URL("/api/reminders/stop", env.APP_BASE_URL);
  url.searchParams.set("token", buildReminderOptOutToken(subjectId));
  return url.toString();
}
