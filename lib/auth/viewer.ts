import "server-only";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import type { Role } from "@/generated/prisma/enums";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { readSessionClaims, type SessionClaims } from "@/lib/auth/session-claims";
import { deriveSessionEndForClinic, type SessionEnd } from "@/lib/auth/session-lifetime";
import type { Viewer } from "@/lib/auth/types";
import { UserRowCache } from "@/lib/auth/user-row-cache";
import { buildViewerRowSql, type ViewerRow } from "@/lib/auth/viewer.sql";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { changeHub } from "@/lib/realtime/change-hub";
import { USER_CHANGED_CHANNEL } from "@/lib/realtime/channels";
import { pooledSql } from "@/lib/db/sql";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const USER_ROWS_MAX = 10_000;
/** How long a row may be served without being read again, were a notification ever lost unnoticed. */
const USER_ROW_TTL_MS = 60_000;

const globalForViewers = globalThis as unknown as { carevisitUserRows?: UserRowCache<ViewerRow> };

/** The process's cache of users' rows, emptied by the database's `user_changed` notifications. */
function userRows(): UserRowCache<ViewerRow> {
  globalForViewers.carevisitUserRows ??= new UserRowCache<ViewerRow>(
    changeHub().everyChange(USER_CHANGED_CHANNEL),
    { max: USER_ROWS_MAX, ttlMs: USER_ROW_TTL_MS },
  );
  return globalForViewers.carevisitUserRows;
}

const isCurrent = (user: ViewerRow | undefined, sessionVersion: number): user is ViewerRow =>
  user !== undefined && user.isActive && user.sessionVersion === sessionVersion;

const sessionEndOf = (claims: SessionClaims, user: ViewerRow): SessionEnd | null =>
  deriveSessionEndForClinic(claims, user.sessionIdleMinutes, {
    nowMs: Date.now(),
    maxHours: env.SESSION_MAX_HOURS,
  });

/** The request's session: its viewer, or none and, for a session that timed out, why it ended. */
type ViewerSession = { viewer: Viewer; ended: null } | { viewer: null; ended: SessionEnd | null };

const NO_SESSION: ViewerSession = { viewer: null, ended: null };

/**
 * The request's session (read once per request). The user's row comes from the cache of users' rows while it is there and lets the session in (see
 * user-row-cache.ts), from the database otherwise: a stale copy can never shut a user out.
 */
const readViewerSession = cache(async (): Promise<ViewerSession> => {
  const requestHeaders = await headers();
  const claims = await readSessionClaims(requestHeaders.get("cookie"), env.AUTH_SECRET);
  if (!claims || !UUID.test(claims.id)) return NO_SESSION;
  const user = await userRows().read(claims.id, {
    // A cached row that would end the session is read again (its idle timeout may have changed).
    accepts: (row) => isCurrent(row, claims.sessionVersion) && sessionEndOf(claims, row) === null,
    load: async () => {
      // Plain SQL (see lib/db/sql.ts): a signed-in request waits for it when the cache misses.
      const [row] = await pooledSql.query<ViewerRow>(buildViewerRowSql(claims.id));
      return row;
    },
  });
  if (!isCurrent(user, claims.sessionVersion)) return NO_SESSION;
  const ended = sessionEndOf(claims, user);
  if (ended) return { viewer: null, ended };
  const {
    isActive: _isActive,
    sessionVersion: _sessionVersion,
    sessionIdleMinutes: _sessionIdleMinutes,
    ...viewer
  } = user;
  return { viewer: { ...viewer, ip: clientIpFrom(requestHeaders) }, ended: null };
});

/**
 * The signed-in user, checked against their row on every request: a deactivated user, a changed
 * role or a bumped session version takes effect on every instance as soon as the database
 * announces the change, whatever the session token still says; so does a session past its
 * absolute lifetime or its clinic's idle timeout (lib/auth/session-lifetime.ts).
 */
export async function getViewer(): Promise<Viewer | null> {
  return (await readViewerSession()).viewer;
}

/** Where a signed-out visitor goes: the "signed out" page when their session timed out. */
async function signInPath(): Promise<string> {
  const { ended } = await readViewerSession();
  return ended ? `/signed-out?reason=${ended}` : "/sign-in";
}

/** For pages and server actions: signed-out visitors go to sign-in; other roles see "not found". */
export async function requireRole(...roles: Role[]): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(await signInPath());
  if (!roles.includes(viewer.role)) notFound();
  return viewer;
}

/** For route handlers: 401 when signed out, 404 for other roles. */
export async function requireApiViewer(...roles: Role[]): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const { ended } = await readViewerSession();
    throw new AppError("unauthorized", "Sign in first", {
      userMessage:
        ended === "inactivity"
          ? "You were signed out after a time without activity. Sign in again."
          : ended
            ? "Your session has ended. Sign in again."
            : "Sign in first",
    });
  }
  if (roles.length > 0 && !roles.includes(viewer.role))
    throw new AppError("not_found", "Not found");
  return viewer;
}
