import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import {
  auditActionLabel,
  auditTargetLabel,
  describeAuditDetails,
} from "@/lib/audit/describe-audit-event";
import { recordAudit } from "@/lib/audit/record-audit";
import { AUDIT_CURSOR, type AuditQuery } from "@/lib/audit/schemas";
import type { AuditEventItem } from "@/lib/audit/types";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { addDays, startOfDay } from "@/lib/time-zone";
import { fullName } from "@/lib/format";

// The audit trail, read-only: newest first, filtered by who, which subject, what and when, one
// page at a time (keyset on occurredAt and id, which the (organizationId, …, occurredAt) indexes
// serve). There is deliberately no update or delete here; the table refuses them anyway.

export const AUDIT_PAGE_SIZE = 50;

export type AuditEventPage = { events: AuditEventItem[]; nextCursor: string | null };

export type ListAuditEventsOptions = { viewer: Viewer; query: AuditQuery };

async function resolveIds(viewer: Viewer, query: AuditQuery) {
  const organizationId = viewer.organizationId;
  const [user, subject] = await Promise.all([
    query.user
      ? db.user.findFirst({ where: { organizationId, email: query.user }, select: { id: true } })
      : null,
    query.subject
      ? db.subject.findFirst({
          where: { organizationId, recordNumber: query.subject },
          select: { id: true },
        })
      : null,
  ]);
  if (query.user && !user)
    throw new AppError("bad_request", "No user with that email in this clinic", {
      fields: { user: ["No user with that email in this clinic"] },
    });
  if (query.subject && !subject)
    throw new AppError("bad_request", "No subject with that record number", {
      fields: { subject: ["No subject with that record number"] },
    });
  return { actorUserId: user?.id, subjectId: subject?.id };
}

function whereFor(
  viewer: Viewer,
  query: AuditQuery,
  ids: { actorUserId?: string; subjectId?: string },
): Prisma.AuditEventWhereInput {
  const conditions: Prisma.AuditEventWhereInput[] = [{ organizationId: viewer.organizationId }];
  if (ids.actorUserId) conditions.push({ actorUserId: ids.actorUserId });
  if (ids.subjectId) conditions.push({ subjectId: ids.subjectId });
  if (query.action) conditions.push({ action: query.action });
  if (query.from) conditions.push({ occurredAt: { gte: startOfDay(query.from, viewer.timeZone) } });
  if (query.to)
    conditions.push({ occurredAt: { lt: startOfDay(addDays(query.to, 1), viewer.timeZone) } });
  const cursor = query.before ? AUDIT_CURSOR.exec(query.before) : null;
  if (cursor?.[1] && cursor[2]) {
    const occurredAt = new Date(cursor[1]);
    const id = BigInt(cursor[2]);
    conditions.push({ OR: [{ occurredAt: { lt: occurredAt } }, { occurredAt, id: { lt: id } }] });
  }
  return { AND: conditions };
}

/**
 * One page of the viewer's organization's audit trail (administrators only). Reading it is itself
 * recorded ("audit.view", with the filters as ids), after the page is read.
 */
export async function listAuditEvents({
  viewer,
  query,
}: ListAuditEventsOptions): Promise<AuditEventPage> {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "The audit trail is for administrators");
  const ids = await resolveIds(viewer, query);
  const rows = await db.auditEvent.findMany({
    where: whereFor(viewer, query, ids),
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      occurredAt: true,
      actorUserId: true,
      actorRole: true,
      action: true,
      targetType: true,
      targetId: true,
      subjectId: true,
      ip: true,
      details: true,
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const [actors, subjects] = await Promise.all([
    db.user.findMany({
      where: {
        organizationId: viewer.organizationId,
        id: { in: page.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])) },
      },
      select: { id: true, firstName: true, lastName: true, email: true },
    }),
    db.subject.findMany({
      where: {
        organizationId: viewer.organizationId,
        id: { in: page.flatMap((row) => (row.subjectId ? [row.subjectId] : [])) },
      },
      select: { id: true, recordNumber: true },
    }),
  ]);
  const actorById = new Map(actors.map((actor) => [actor.id, actor]));
  const subjectById = new Map(subjects.map((subject) => [subject.id, subject]));
  await recordAudit(db, {
    actor: viewer,
    action: "audit.view",
    targetType: "organization",
    targetId: viewer.organizationId,
    details: {
      actorUserId: ids.actorUserId ?? null,
      subjectId: ids.subjectId ?? null,
      action: query.action ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
    },
  });
  const last = page.at(-1);
  return {
    events: page.map((row) => {
      const actor = row.actorUserId ? actorById.get(row.actorUserId) : undefined;
      return {
        id: row.id.toString(),
        occurredAt: row.occurredAt,
        actor: actor ? { id: actor.id, name: fullName(actor), email: actor.email } : null,
        actorRole: row.actorRole,
        action: row.action,
        actionLabel: auditActionLabel(row.action),
        targetType: row.targetType,
        targetLabel: auditTargetLabel(row.targetType),
        targetId: row.targetId,
        subject: row.subjectId ? (subjectById.get(row.subjectId) ?? null) : null,
        ip: row.ip,
        details: describeAuditDetails(row.details, viewer.timeZone),
      };
    }),
    nextCursor:
      rows.length > AUDIT_PAGE_SIZE && last
        ? `${last.occurredAt.toISOString()}_${last.id.toString()}`
        : null,
  };
}
