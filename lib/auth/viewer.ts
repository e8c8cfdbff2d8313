import "server-only";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import type { Role } from "@/generated/prisma/enums";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { readSessionClaims } from "@/lib/auth/session-claims";
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

/**
 * The signed-in user, read fresh from the database once per request: a deactivated user, a changed
 * role or a bumped session version takes effect at once, whatever the session token still says.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const requestHeaders = await headers();
  const claims = await readSessionClaims(requestHeaders.get("cookie"), env.AUTH_SECRET);
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
