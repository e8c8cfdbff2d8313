import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { AuditEntry } from "@/lib/audit/record-audit";
import { buildAuditInsertSql } from "@/lib/audit/record-audit.sql";
import { sqlJsonTime, sqlTime } from "@/lib/db/sql";
import type { BoardScope } from "@/lib/today/board-scope";
import type { BoardRow } from "@/lib/today/types";
import { DEVICE_CHECK_JSON } from "@/lib/visits/list-visits.sql";

// The board's rows as one statement each way (a day's scope, or one changed visit), built as JSON
// in PostgreSQL in the shape the board shows (BoardRow), so that neither a first load of 200 rows
// nor the one shared read per change goes through Prisma's query compiler (about 3 ms of CPU per
// read of the nested select, against about 0.6 ms for this statement; README, the board's rows).

/** At most this many guests per row: a visit has a handful (lib/guests caps it). */
const GUESTS_SHOWN = 10;

/** One visit as the board reads it: its row, and what decides which boards it belongs on. */
export type BoardRowRecord = {
  organizationId: string;
  providerId: string;
  scheduledStart: Date;
  row: BoardRow;
};

const ROW = Prisma.raw(`
  v."organizationId"::text AS "organizationId", v."providerId"::text AS "providerId",
  v."scheduledStart" AS "scheduledStart",
  json_build_object(
    'visitId', v."id",
    'scheduledStart', ${sqlJsonTime(`v."scheduledStart"`)},
    'durationMinutes', v."durationMinutes",
    'status', v."status",
    'patientPresence', v."patientPresence",
    'patientWaitingSince', ${sqlJsonTime(`v."patientWaitingSince"`)},
    'isProviderPresent', v."isProviderPresent",
    'providerJoinedAt', ${sqlJsonTime(`v."providerJoinedAt"`)},
    'noShowAt', ${sqlJsonTime(`v."noShowAt"`)},
    'subject', json_build_object('id', s."id", 'name', s."firstName" || ' ' || s."lastName",
      'recordNumber', s."recordNumber"),
    'provider', json_build_object('id', p."id", 'name', p."firstName" || ' ' || p."lastName"),
    'deviceCheck', (${DEVICE_CHECK_JSON.text}),
    'guests', (
      SELECT COALESCE(json_agg(json_build_object('id', x."guestId", 'relationship', x."relationship",
               'isInMeeting', x."joinedAt" IS NOT NULL) ORDER BY x."id"), '[]'::json)
        FROM (SELECT a."id", a."guestId", a."joinedAt", g."relationship"
                FROM "Attendance" a JOIN "VisitGuest" g ON g."id" = a."guestId"
               WHERE a."visitId" = v."id" AND a."leftAt" IS NULL
               ORDER BY a."id" LIMIT ${GUESTS_SHOWN}) x)
  ) AS "row"`);

const FROM = Prisma.raw(`"Visit" v
  JOIN "Subject" s ON s."id" = v."subjectId"
  JOIN "User" p ON p."id" = v."providerId"`);

function scopeWhere(scope: BoardScope): Prisma.Sql {
  return Prisma.sql`v."organizationId" = ${scope.organizationId}::uuid
    AND (${scope.providerId}::uuid IS NULL OR v."providerId" = ${scope.providerId}::uuid)
    AND v."scheduledStart" >= ${sqlTime(scope.from)}::timestamp(3)
    AND v."scheduledStart" < ${sqlTime(scope.to)}::timestamp(3)`;
}

/**
 * A scope's visits (cancelled ones included), by start time, capped at `limit`; with `audit`, the
 * read's audit row is written by the same statement (its details get the number of rows).
 */
export function buildBoardRowsSql(
  scope: BoardScope,
  limit: number,
  audit?: AuditEntry,
): Prisma.Sql {
  const select = Prisma.sql`SELECT ${ROW} FROM ${FROM} WHERE ${scopeWhere(scope)}
    ORDER BY v."scheduledStart" ASC, v."id" ASC LIMIT ${limit}`;
  if (!audit) return select;
  const count = Prisma.sql`jsonb_build_object('count', (SELECT count(*) FROM picked))`;
  return Prisma.sql`
    WITH picked AS (${select}),
    audit AS (${buildAuditInsertSql(audit, { computedDetails: count })})
    SELECT * FROM picked ORDER BY "scheduledStart" ASC, ("row"->>'visitId') ASC`;
}

/** One visit's row, wherever it belongs (the shared read of a changed visit). */
export function buildBoardVisitSql(visitId: string): Prisma.Sql {
  return Prisma.sql`SELECT ${ROW} FROM ${FROM} WHERE v."id" = ${visitId}::uuid`;
}
