import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { AuditEntry } from "@/lib/audit/record-audit";

/**
 * One audit row as an `INSERT … SELECT`, for a statement of its own (`recordAudit`) or a
 * data-modifying CTE of a larger one, so that a read and its audit row take one round trip and
 * commit together (the subject search). There, `computedDetails` (a jsonb expression) is merged
 * into the entry's details, and the row is written only `when` that condition holds.
 */
export function buildAuditInsertSql(
  entry: AuditEntry,
  options: { computedDetails?: Prisma.Sql; when?: Prisma.Sql } = {},
): Prisma.Sql {
  const details = entry.details === undefined ? null : JSON.stringify(entry.details);
  const detailsSql = options.computedDetails
    ? Prisma.sql`COALESCE(${details}::jsonb, '{}'::jsonb) || ${options.computedDetails}`
    : Prisma.sql`${details}::jsonb`;
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("organizationId", "actorUserId", "actorRole", "action",
      "targetType", "targetId", "subjectId", "ip", "details")
    SELECT ${entry.organizationId ?? entry.actor?.organizationId ?? null}::uuid,
           ${entry.actor?.id ?? null}::uuid, ${entry.actor?.role ?? null}::"Role",
           ${entry.action}::text, ${entry.targetType}::text, ${entry.targetId ?? null}::text,
           ${entry.subjectId ?? null}::uuid, ${entry.ip ?? entry.actor?.ip ?? null}::text,
           ${detailsSql}
     WHERE ${options.when ?? Prisma.sql`TRUE`}`;
}
