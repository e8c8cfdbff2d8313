import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { AuditAction, AuditTargetType } from "@/lib/audit/actions";
import type { Db, Tx } from "@/lib/db/db";
import { pooledSql, sqlOf } from "@/lib/db/sql";

/** Who acted. A Viewer is one; so is a user who has just proven who they are. */
export type AuditActor = { id: string; role: Role; organizationId: string; ip: string | null };

export type AuditEntry = {
  actor: AuditActor | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  /** The subject (patient record) whose data was read or changed, for "who looked at this patient". */
  subjectId?: string | null;
  /** Defaults to the actor's organization. */
  organizationId?: string | null;
  /** Defaults to the actor's address. */
  ip?: string | null;
  /** Ids and codes only: no names, emails or other personal data. */
  details?: Prisma.InputJsonValue;
};

const isTransaction = (client: Tx | Db): client is Tx =>
  typeof (client as Partial<Db>).$transaction !== "function";

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

/**
 * Appends one audit row (one plain INSERT: audited reads are on hot paths). Pass the transaction
 * client when the audited change is written, so the change and its audit row commit or fail
 * together.
 */
export async function recordAudit(client: Tx | Db, entry: AuditEntry): Promise<void> {
  const sql = isTransaction(client) ? sqlOf(client) : pooledSql;
  const insert = buildAuditInsertSql(entry);
  await sql.execute(insert.text, insert.values);
}
