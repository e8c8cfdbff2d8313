import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { ParticipantRole, VisitStatus } from "@/generated/prisma/enums";
import { sqlEnum } from "@/lib/db/sql";
import { LATE_START_MINUTES } from "@/lib/reports/constants";
import type { ReportFilters } from "@/lib/reports/report-filters";
import { isNoShowSql } from "@/lib/visits/no-show/no-show-rule.sql";

/** JIT compilation off for the rest of the transaction (see getVisitReport for why). */
export const JIT_OFF_SQL = Prisma.sql`SET LOCAL jit = off`;

/** Providers shown in the per-provider figures: a chart of more would not be read. */
const PROVIDERS_SHOWN = 100;

/**
 * Outcomes partition the visits: cancelled; else held (started or ended, and the patient joined,
 * or a provider undid its no-show); else a no-show, by the one definition the no-show job also
 * applies (lib/visits/no-show/no-show-rule.sql.ts); else pending. The wait counts only held visits that the patient reached first: from their first
 * arrival (waiting room or meeting) to the provider's first join. A patient who gave up before
 * the provider came is a no-show, not a wait.
 */
export function buildVisitReportSql(
  scope: Prisma.Sql,
  filters: ReportFilters,
  now: Date,
): Prisma.Sql {
  return Prisma.sql`
    WITH patients AS (
      SELECT a."visitId",
             min(LEAST(a."waitingRoomJoinedAt", a."joinedAt")) AS "arrivedAt",
             bool_or(a."joinedAt" IS NOT NULL) AS "hasJoined"
        FROM "Attendance" a
       WHERE a."role" = ${sqlEnum(ParticipantRole.PATIENT)} AND a."visitId" IN (SELECT v."id" FROM "Visit" v WHERE ${scope})
       GROUP BY a."visitId"
    ),
    classified AS (
      SELECT v."providerId", v."status", v."startedAt", v."endedAt", v."providerJoinedAt",
             v."scheduledStart", p."arrivedAt",
             (v."scheduledStart" AT TIME ZONE 'UTC' AT TIME ZONE ${filters.timeZone})::date AS "localDate",
             CASE
               WHEN v."status" = ${sqlEnum(VisitStatus.CANCELLED)} THEN 'cancelled'
               WHEN v."noShowUndoneAt" IS NOT NULL THEN 'held'
               WHEN p."hasJoined" AND (v."status" = ${sqlEnum(VisitStatus.ENDED)} OR v."startedAt" IS NOT NULL) THEN 'held'
               WHEN ${isNoShowSql(Prisma.raw("v"), Prisma.sql`p."hasJoined"`, now)} THEN 'no_show'
               ELSE 'pending'
             END AS "outcome"
        FROM "Visit" v
        LEFT JOIN patients p ON p."visitId" = v."id"
       WHERE ${scope}
    ),
    visits AS MATERIALIZED (
      SELECT c.*,
             CASE WHEN c."outcome" = 'held' AND c."arrivedAt" < c."providerJoinedAt"
               THEN extract(epoch FROM c."providerJoinedAt" - c."arrivedAt")::float8 / 60
             END AS "waitMinutes"
        FROM classified c
    ),
    per_day AS (
      SELECT "localDate", count("waitMinutes")::int AS "waitedVisits",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY "waitMinutes") AS "medianWaitMinutes"
        FROM visits GROUP BY "localDate"
    ),
    per_provider AS (
      SELECT v."providerId", u."firstName" || ' ' || u."lastName" AS "providerName",
             count(*) FILTER (WHERE v."outcome" IN ('held', 'no_show'))::int AS "dueVisits",
             count(*) FILTER (WHERE v."outcome" = 'no_show')::int AS "noShows"
        FROM visits v JOIN "User" u ON u."id" = v."providerId"
       GROUP BY v."providerId", u."firstName", u."lastName"
       ORDER BY count(*) DESC, u."lastName", u."firstName", v."providerId"
       LIMIT ${PROVIDERS_SHOWN}
    )
    SELECT
      (SELECT json_build_object(
         'scheduled', count(*)::int,
         'held', count(*) FILTER (WHERE "outcome" = 'held')::int,
         'noShows', count(*) FILTER (WHERE "outcome" = 'no_show')::int,
         'cancelled', count(*) FILTER (WHERE "outcome" = 'cancelled')::int,
         'pending', count(*) FILTER (WHERE "outcome" = 'pending')::int,
         'waitedVisits', count("waitMinutes")::int,
         'medianWaitMinutes', percentile_cont(0.5) WITHIN GROUP (ORDER BY "waitMinutes"),
         'p90WaitMinutes', percentile_cont(0.9) WITHIN GROUP (ORDER BY "waitMinutes"),
         'timedVisits', count(*) FILTER (WHERE "outcome" = 'held' AND "startedAt" IS NOT NULL
                                          AND "endedAt" IS NOT NULL)::int,
         'medianDurationMinutes', percentile_cont(0.5) WITHIN GROUP (
            ORDER BY extract(epoch FROM "endedAt" - "startedAt")::float8 / 60)
            FILTER (WHERE "outcome" = 'held'),
         'providerJoinedVisits', count("providerJoinedAt") FILTER (WHERE "outcome" <> 'cancelled')::int,
         'lateStarts', count(*) FILTER (WHERE "outcome" <> 'cancelled' AND "providerJoinedAt"
                          > "scheduledStart" + make_interval(mins => ${LATE_START_MINUTES}))::int
       ) FROM visits) AS "summary",
      (SELECT json_agg(json_build_object(
                'date', d.day::date::text,
                'waitedVisits', COALESCE(per_day."waitedVisits", 0),
                'medianWaitMinutes', per_day."medianWaitMinutes") ORDER BY d.day)
         FROM generate_series(${filters.from}::date, ${filters.to}::date, interval '1 day') AS d(day)
         LEFT JOIN per_day ON per_day."localDate" = d.day::date) AS "waitByDay",
      (SELECT json_agg(json_build_object(
                'providerId', p."providerId", 'providerName', p."providerName",
                'dueVisits', p."dueVisits", 'noShows', p."noShows")
                ORDER BY p."providerName", p."providerId")
         FROM per_provider p) AS "noShowsByProvider"`;
}
