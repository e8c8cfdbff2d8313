import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { AuditAction, AuditTargetType } from "@/lib/audit/actions";
import type { Db, Tx } from "@/lib/db";

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

/**
 * Appends one audit row. Pass the transaction client when the audited change is written, so the
 * change and its audit row commit or fail together.
 */
export async function recordAudit(client: Tx | Db, entry: AuditEntry): Promise<void> {
  await client.auditEvent.create({
    data: {
      organizationId: entry.organizationId ?? entry.actor?.organizationId ?? null,
      actorUserId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      subjectId: entry.subjectId ?? null,
      ip: entry.ip ?? entry.actor?.ip ?? null,
      details: entry.details,
    },
    select: { id: true },
  });
}
