import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/lib/auth/types";

export type ViewerRow = Omit<Viewer, "ip"> & {
  isActive: boolean;
  sessionVersion: number;
  sessionIdleMinutes: number;
};

/** The signed-in user's row, with what a Viewer carries and what decides whether it is current. */
export const buildViewerRowSql = (userId: string) => Prisma.sql`
  SELECT u."id"::text AS "id", u."role"::text AS "role",
         u."organizationId"::text AS "organizationId", u."firstName", u."lastName", u."email",
         o."timeZone", s."id"::text AS "subjectId", u."isActive", u."sessionVersion",
         o."sessionIdleMinutes"
    FROM "User" AS u
    JOIN "Organization" AS o ON o."id" = u."organizationId"
    LEFT JOIN "Subject" AS s ON s."userId" = u."id"
   WHERE u."id" = ${userId}::uuid`;
