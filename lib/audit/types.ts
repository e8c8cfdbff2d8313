import type { Role } from "@/generated/prisma/enums";

/** One row of the audit trail as the audit page shows it. */
export type AuditEventItem = {
  id: string;
  occurredAt: Date;
  actor: { id: string; name: string; email: string } | null;
  actorRole: Role | null;
  /** The stored code ("auth.sign_in") and, for the page, the same in words ("Signed in"). */
  action: string;
  actionLabel: string;
  targetType: string;
  targetLabel: string;
  targetId: string | null;
  subject: { id: string; recordNumber: string } | null;
  ip: string | null;
  /** In words ("Typed a search: no · Page: 1"), in the clinic's time zone. */
  details: string | null;
};
