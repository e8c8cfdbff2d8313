import type { Db } from "@/lib/db/db-client";

export type SeedVisitHistoryOptions = {
  organizationId: string;
  providerIds: string[];
  subjectIds: string[];
  /** How many visits to add, spread over the `days` before `now`. */
  count: number;
  days: number;
  now: Date;
};

const HISTORY_BATCH = 20_000;

/**
 * Past visits with the attendance Zoom would have reported, generated inside PostgreSQL
 * (INSERT … SELECT generate_series, one statement per batch) so that 100,000 take seconds. The
 * numbers are derived from each visit's position, not drawn at random: the same call gives the
 * same mix. About 7% are cancelled and 10–26% no-shows (more for later providers in the list);
 * the rest were held, the provider on time or up to 3 minutes late, and 15% more than 5 late.
 * Visits are marked reconciled, so the reconciliation job never asks Zoom about them.
 */
export async function seedVisitHistory(db: Db, options: SeedVisitHistoryOptions): Promise<number> {
  const { organizationId, providerIds, subjectIds, count, days, now } = options;
  if (providerIds.length === 0 || subjectIds.length === 0) return 0;
  for (let first = 1; first <= count; first += HISTORY_BATCH) {
    const last = Math.min(count, first + HISTORY_BATCH - 1);
    await db.$executeRaw`
      WITH plan AS MATERIALIZED (
        SELECT gen_random_uuid() AS id, n,
               (${providerIds}::uuid[])[1 + (n * 3) % ${providerIds.length}] AS "providerId",
               (n * 3) % ${providerIds.length} AS "providerIndex",
               (${subjectIds}::uuid[])[1 + (n * 13) % ${subjectIds.length}] AS "subjectId",
               date_trunc('day', ${now}::timestamp) - make_interval(days => 1 + (n * 7) % ${days})
                 + make_interval(hours => 13 + (n * 5) % 8, mins => 30 * (n % 2)) AS start,
               (n * 37) % 100 AS draw,
               CASE WHEN (n * 11) % 100 < 15 THEN 6 + n % 10 ELSE (n * 3) % 5 - 1 END AS late,
               (n * 7) % 9 - 6 AS arrival,
               15 + (n * 13) % 25 AS length
          FROM generate_series(${first}::int, ${last}::int) AS n
      ),
      outcome AS MATERIALIZED (
        SELECT plan.*,
               CASE WHEN draw < 7 THEN 'CANCELLED'
                    WHEN draw < 17 + 8 * "providerIndex" % 24 THEN 'NO_SHOW'
                    ELSE 'HELD' END AS kind
          FROM plan
      ),
      visits AS (
        INSERT INTO "Visit" ("id", "organizationId", "subjectId", "providerId", "createdById",
                             "scheduledStart", "durationMinutes", "status", "startedAt", "endedAt",
                             "cancelledAt", "providerJoinedAt", "patientPresence",
                             "attendanceReconciledAt", "updatedAt")
        SELECT id, ${organizationId}::uuid, "subjectId", "providerId", "providerId", start, 30,
               (CASE kind WHEN 'CANCELLED' THEN 'CANCELLED' WHEN 'HELD' THEN 'ENDED'
                          ELSE 'SCHEDULED' END)::"VisitStatus",
               CASE WHEN kind = 'HELD' THEN start + make_interval(mins => late) END,
               CASE WHEN kind = 'HELD' THEN start + make_interval(mins => late + length) END,
               CASE WHEN kind = 'CANCELLED' THEN start - interval '1 day' END,
               CASE WHEN kind = 'HELD' THEN start + make_interval(mins => late) END,
               (CASE WHEN kind = 'HELD' THEN 'LEFT' ELSE 'NOT_JOINED' END)::"PatientPresence",
               start + interval '1 hour', now()
          FROM outcome
        RETURNING id
      )
      INSERT INTO "Attendance" ("id", "visitId", "participantKey", "sequence", "role", "userId",
                                "displayName", "waitingRoomJoinedAt", "joinedAt", "leftAt")
      SELECT gen_random_uuid(), o.id, stay.key, 1, stay.role::"ParticipantRole", stay."userId",
             stay.name, stay.waiting, stay.joined, o.start + make_interval(mins => o.late + o.length)
        FROM outcome o
        JOIN visits v ON v.id = o.id
        JOIN "User" u ON u.id = o."providerId"
        CROSS JOIN LATERAL (VALUES
          ('subject:' || o."subjectId", 'PATIENT', NULL::uuid, 'Patient',
           o.start + make_interval(mins => o.arrival),
           greatest(o.start + make_interval(mins => o.arrival), o.start + make_interval(mins => o.late))),
          ('user:' || o."providerId", 'PROVIDER', o."providerId", u."firstName" || ' ' || u."lastName",
           NULL::timestamp, o.start + make_interval(mins => o.late))
        ) AS stay(key, role, "userId", name, waiting, joined)
       WHERE o.kind = 'HELD'`;
  }
  await db.$executeRawUnsafe(`ANALYZE "Visit"`);
  await db.$executeRawUnsafe(`ANALYZE "Attendance"`);
  return count;
}
