import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { AuditAction, AuditTargetType } from "@/lib/audit/actions";
import { buildAuditInsertSql } from "@/lib/audit/record-audit.sql";
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
 * Appends one audit row (one plain INSERT: audited reads are on hot paths). Pass the transaction
 * client when the audited change is written, so the change and its audit row commit or fail
 * together.
 */
export async function recordAudit(client: Tx | Db, entry: AuditEntry): Promise<void> {
  const sql = isTransaction(client) ? sqlOf(client) : pooledSql;
  await sql.execute(buildAuditInsertSql(entry));
}

type UserAuditExtra = {
  /** The user changed; defaults to the actor (a change to their own account). */
  userId?: string;
  subjectId?: string;
  details?: Prisma.InputJsonValue;
};

/** Audits a change to one user's account: the actor's own, unless `userId` names another. */
export async function recordUserAudit(
  tx: Tx,
  actor: AuditActor,
  action: AuditAction,
  { userId, subjectId, details }: UserAuditExtra = {},
): Promise<void> {
  await recordAudit(tx, {
    actor,
    action,
    targetType: "user",
    targetId: userId ?? actor.id,
    subjectId,
    details,
  });
}
