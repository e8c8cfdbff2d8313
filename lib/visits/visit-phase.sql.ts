import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import { sqlEnum, sqlTime } from "@/lib/db/sql";
import { JOIN_WINDOW_MINUTES } from "@/lib/visits/constants";
import type { VisitPhase } from "@/lib/visits/visit-phase";

/**
 * deriveVisitPhase (visit-phase.ts) as a SQL expression of the visit row `visit`, rule for rule
 * and in the same order, for statements that choose lists by phase. visit-phase.int.test.ts
 * checks that both give the same phase on a table of cases.
 */
export function visitPhaseSql(visit: Prisma.Sql, now: Date): Prisma.Sql {
  const at = Prisma.sql`${sqlTime(now)}::timestamp(3)`;
  return Prisma.sql`(CASE
    WHEN ${visit}."status" = ${sqlEnum(VisitStatus.CANCELLED)} OR ${visit}."cancelledAt" IS NOT NULL
      THEN 'cancelled'
    WHEN ${visit}."status" = ${sqlEnum(VisitStatus.ENDED)} OR ${visit}."endedAt" IS NOT NULL
      THEN CASE WHEN ${visit}."noShowAt" IS NOT NULL THEN 'no_show' ELSE 'ended' END
    WHEN ${visit}."patientPresence" IN (${sqlEnum(PatientPresence.WAITING)}, ${sqlEnum(PatientPresence.IN_MEETING)})
      THEN 'live'
    WHEN ${visit}."noShowAt" IS NOT NULL THEN 'no_show'
    WHEN ${visit}."status" = ${sqlEnum(VisitStatus.IN_PROGRESS)} OR ${visit}."startedAt" IS NOT NULL
      OR ${visit}."isProviderPresent" THEN 'live'
    WHEN ${at} < ${visit}."scheduledStart" - make_interval(mins => ${JOIN_WINDOW_MINUTES}::int) THEN 'upcoming'
    WHEN ${at} < ${visit}."scheduledStart" + make_interval(mins => ${visit}."durationMinutes") THEN 'joinable'
    ELSE 'ended'
  END)`;
}

/** `phase IN (…)` for the given phases (one array parameter, whatever their number). */
export function visitPhaseInSql(visit: Prisma.Sql, now: Date, phases: VisitPhase[]): Prisma.Sql {
  return Prisma.sql`${visitPhaseSql(visit, now)} = ANY(${phases}::text[])`;
}
