import "server-only";

import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import type { Role } from "@/generated/prisma/enums";
import { clientIpFrom } from "@/lib/auth/client-ip";
import type { Viewer } from "@/lib/auth/types";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { pooledSql } from "@/lib/sql";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ViewerRow = Omit<Viewer, "ip"> & { isActive: boolean; sessionVersion: number };

const VIEWER_SQL = `
  SELECT u."id"::text AS "id", u."role"::text AS "role",
         u."organizationId"::text AS "organizationId", u."firstName", u."lastName", u."email",
         o."timeZone", s."id"::text AS "subjectId", u."isActive", u."sessionVersion"
    FROM "User" AS u
    JOIN "Organization" AS o ON o."id" = u."organizationId"
    LEFT JOIN "Subject" AS s ON s."userId" = u."id"
   WHERE u."id" = $1::uuid`;

/** Auth.js's cookie store only reports chunked cookies here; a bad token is simply no session. */
const quiet = { error: () => undefined, warn: () => undefined, debug: () => undefined };

/**
 * Who the session cookie says is signed in. It decrypts and checks the Auth.js session token
 * itself (Auth.js's documented `getToken`), cookie only, rather than run Auth.js's whole session
 * action (`auth()`), which would also encrypt a refreshed token on every request; the proxy
 * refreshes it on page loads. A `__Secure-` cookie can only come over HTTPS, so both names are read.
 */
async function readSessionClaims(
  requestHeaders: Headers,
): Promise<{ id: string; sessionVersion: number } | null> {
  const cookie = requestHeaders.get("cookie");
  if (!cookie) return null;
  const req = { headers: new Headers({ cookie }) };
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret: env.AUTH_SECRET, secureCookie, logger: quiet });
    if (token) return token.uid && token.sv ? { id: token.uid, sessionVersion: token.sv } : null;
  }
  return null;
}

/**
 * The signed-in user, read fresh from the database once per request: a deactivated user, a changed
 * role or a bumped session version takes effect at once, whatever the session token still says.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const requestHeaders = await headers();
  const claims = await readSessionClaims(requestHeaders);
  if (!claims || !UUID.test(claims.id)) return null;
  // Plain SQL: this runs on every signed-in request (see lib/sql.ts).
  const [user] = await pooledSql.query<ViewerRow>(VIEWER_SQL, [claims.id]);
  if (!user || !user.isActive || user.sessionVersion !== claims.sessionVersion) return null;
  const { isActive: _isActive, sessionVersion: _sessionVersion, ...viewer } = user;
  return { ...viewer, ip: clientIpFrom(requestHeaders) };
});

/** For pages and server actions: signed-out visitors go to sign-in; other roles see "not found". */
export async function requireRole(...roles: Role[]): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  if (!roles.includes(viewer.role)) notFound();
  return viewer;
}

/** For route handlers: 401 when signed out, 404 for other roles. */
export async function requireApiViewer(...roles: Role[]): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthorized", "Sign in first");
  if (roles.length > 0 && !roles.includes(viewer.role))
    throw new AppError("not_found", "Not found");
  return viewer;
}
