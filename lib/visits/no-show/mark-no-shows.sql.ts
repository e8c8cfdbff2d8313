import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { publishVisitChangedSql } from "@/lib/realtime/publish-visit-changed";
import { isNoShowSql, patientJoinedSql } from "@/lib/visits/no-show/no-show-rule.sql";

/** How far back the job looks: older visits were settled by earlier runs. */
const LOOK_BACK_HOURS = 48;

/**
 * Marks every due no-show once, audits each and publishes its change, in one statement. Two
 * workers running it at once cannot mark a visit twice: the second waits for the first's row
 * lock, then re-checks `"noShowAt" IS NULL` on the committed row and skips it.
 */
export function buildMarkNoShowsSql(now: Date): Prisma.Sql {
  const v = Prisma.raw(`v`);
  return Prisma.sql`
    WITH marked AS (
      UPDATE "Visit" v SET "noShowAt" = ${now}::timestamp, "updatedAt" = ${now}::timestamp
       WHERE v."noShowAt" IS NULL
         AND v."scheduledStart" >= ${now}::timestamp - make_interval(hours => ${LOOK_BACK_HOURS})
         AND v."scheduledStart" <= ${now}::timestamp
         AND ${isNoShowSql(v, patientJoinedSql(v), now)}
      RETURNING v."id", v."organizationId", v."subjectId"
    ),
    audited AS (
      INSERT INTO "AuditEvent" ("organizationId", "action", "targetType", "targetId", "subjectId")
      SELECT m."organizationId", 'visit.no_show', 'visit', m."id"::text, m."subjectId" FROM marked m
    )
    SELECT count(${publishVisitChangedSql(Prisma.sql`m."id"`)})::int AS "marked" FROM marked m`;
}
