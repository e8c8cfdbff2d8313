import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import type { VisitPhase } from "@/lib/visits/visit-phase";
import { visitPhaseInSql } from "@/lib/visits/visit-phase.sql";

const OPEN_PHASES: VisitPhase[] = ["upcoming", "joinable", "live"];
const CLOSED_PHASES: VisitPhase[] = ["ended", "no_show", "cancelled"];

export type ListVisitIdsInput = {
  viewer: Viewer;
  subjectId?: string;
  now: Date;
  openLimit: number;
  pastLimit: number;
};

/**
 * The ids of the visits a list shows, chosen by phase (the one rule, visit-phase.sql.ts): the
 * open ones (upcoming, joinable, live) soonest first, the closed ones latest first. Scoped as
 * visitsVisibleTo: the viewer's clinic, and a patient's own subject only.
 */
export function buildListVisitIdsSql(input: ListVisitIdsInput): Prisma.Sql {
  const v = Prisma.raw(`v`);
  const { viewer, subjectId, now } = input;
  const scope = Prisma.join(
    [
      Prisma.sql`v."organizationId" = ${viewer.organizationId}::uuid`,
      subjectId ? Prisma.sql`v."subjectId" = ${subjectId}::uuid` : Prisma.sql`TRUE`,
      viewer.role === Role.PATIENT
        ? Prisma.sql`v."subjectId" IN (SELECT s."id" FROM "Subject" s WHERE s."userId" = ${viewer.id}::uuid)`
        : Prisma.sql`TRUE`,
    ],
    " AND ",
  );
  return Prisma.sql`
    (SELECT v."id"::text AS "id" FROM "Visit" v
      WHERE ${scope} AND ${visitPhaseInSql(v, now, OPEN_PHASES)}
      ORDER BY v."scheduledStart" ASC, v."id" LIMIT ${input.openLimit})
    UNION ALL
    (SELECT v."id"::text AS "id" FROM "Visit" v
      WHERE ${scope} AND ${visitPhaseInSql(v, now, CLOSED_PHASES)}
      ORDER BY v."scheduledStart" DESC, v."id" LIMIT ${input.pastLimit})`;
}
