// How long a session lasts (pure; edge-safe, shared by the proxy, Auth.js's callbacks and getViewer).
// A session ends when it is older than the absolute lifetime (SESSION_MAX_HOURS, 12 by default,
// counted from sign-in, which the token carries) or when it has been idle for longer than its
// clinic's idle timeout (Settings → Sessions, 30 minutes by default). Activity is what renews the
// token: a page load once the token is five minutes old (proxy.ts), so the token's issue time is
// the last activity, give or take five minutes. API calls (the live stream, searches) do not
// renew it: a page left open without anyone using it ends as an idle one.

export const DEFAULT_SESSION_IDLE_MINUTES = 30;
export const MIN_SESSION_IDLE_MINUTES = 5;
export const MAX_SESSION_IDLE_MINUTES = 720;

/** Why a session ended, as the "signed out" page says it. */
export type SessionEnd = "inactivity" | "expired";

export type SessionTimes = {
  /** When the person signed in (carried in the token from then on). */
  signedInAtMs: number;
  /** When the token was last issued: the last activity. */
  issuedAtMs: number;
  /** The idle timeout the token was issued under (its clinic's, at sign-in). */
  idleMinutes: number;
};

export function deriveSessionEnd(
  times: SessionTimes,
  { nowMs, maxHours }: { nowMs: number; maxHours: number },
): SessionEnd | null {
  if (nowMs - times.signedInAtMs >= maxHours * 3_600_000) return "expired";
  if (nowMs - times.issuedAtMs >= times.idleMinutes * 60_000) return "inactivity";
  return null;
}

/**
 * The session's end against its clinic's idle timeout of today: a session begun under a longer
 * timeout than the clinic now allows has ended (otherwise renewing it would keep it alive for
 * longer than the clinic wants).
 */
export function deriveSessionEndForClinic(
  times: SessionTimes,
  clinicIdleMinutes: number,
  options: { nowMs: number; maxHours: number },
): SessionEnd | null {
  if (times.idleMinutes > clinicIdleMinutes) return "expired";
  return deriveSessionEnd(times, options);
}
