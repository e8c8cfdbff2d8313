import "server-only";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import type { Role } from "@/generated/prisma/enums";
import { auth } from "@/lib/auth/auth";
import { clientIpFrom } from "@/lib/auth/client-ip";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The signed-in user, read fresh from the database once per request: a deactivated user, a changed
 * role or a bumped session version takes effect at once, whatever the session token still says.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id) return null;
  const user = await db.user.findUnique({
    where: { id: claims.id },
    select: {
      id: true,
      role: true,
      organizationId: true,
      firstName: true,
      lastName: true,
      email: true,
      isActive: true,
      sessionVersion: true,
      subject: { select: { id: true } },
      organization: { select: { timeZone: true } },
    },
  });
  if (!user || !user.isActive || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: user.id,
    role: user.role,
    organizationId: user.organizationId,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    timeZone: user.organization.timeZone,
    subjectId: user.subject?.id ?? null,
    ip: clientIpFrom(await headers()),
  };
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
