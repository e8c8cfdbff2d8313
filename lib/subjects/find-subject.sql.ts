import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import type { AuditEntry } from "@/lib/audit/record-audit";
import { buildAuditInsertSql } from "@/lib/audit/record-audit.sql";
import type { Viewer } from "@/lib/auth/types";

/**
 * The subject's detail if the viewer may see it (scoped as subjectsVisibleTo: the viewer's clinic,
 * and a patient's own record only), with the read's audit row written by the same statement when
 * it found the subject: one round trip.
 */
export function buildFindSubjectSql(subjectId: string, viewer: Viewer, audit: AuditEntry) {
  const ownRecordOnly =
    viewer.role === Role.PATIENT ? Prisma.sql`s."userId" = ${viewer.id}::uuid` : Prisma.sql`TRUE`;
  return Prisma.sql`
    WITH found AS (
      SELECT s."id"::text AS "id", s."recordNumber", s."firstName", s."lastName", s."dateOfBirth",
             s."email", s."phone", s."preferredLanguage", s."remindersOptedOutAt",
             CASE WHEN u."id" IS NULL THEN NULL
                  ELSE json_build_object('id', u."id", 'isActive', u."isActive") END AS "user"
        FROM "Subject" s LEFT JOIN "User" u ON u."id" = s."userId"
       WHERE s."id" = ${subjectId}::uuid AND s."organizationId" = ${viewer.organizationId}::uuid
         AND ${ownRecordOnly}),
    audit AS (${buildAuditInsertSql(audit, { when: Prisma.sql`EXISTS (SELECT 1 FROM found)` })})
    SELECT * FROM found`;
}
