import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { VisitStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { deviceCheckSummarySelect } from "@/lib/visits/device-check/device-check-select";
import { groupVisitsByPhase, type VisitPhase } from "@/lib/visits/timeline";
import { liveVisitSelect } from "@/lib/visits/live-visit";
import { visitsVisibleTo } from "@/lib/visits/visibility";

const ATTENDANCE_SHOWN = 20;

export const visitSummarySelect = {
  ...liveVisitSelect,
  subjectId: true,
  providerId: true,
  scheduledStart: true,
  durationMinutes: true,
  provider: { select: { id: true, firstName: true, lastName: true } },
  subject: { select: { id: true, recordNumber: true, firstName: true, lastName: true } },
  /** The patient's latest device check (null until they run one). */
  deviceCheck: { select: deviceCheckSummarySelect },
  attendances: {
    orderBy: [{ joinedAt: "asc" }, { waitingRoomJoinedAt: "asc" }],
    take: ATTENDANCE_SHOWN,
    select: {
      id: true,
      role: true,
      displayName: true,
      zoomUserId: true,
      waitingRoomJoinedAt: true,
      joinedAt: true,
      leftAt: true,
      user: { select: { firstName: true, lastName: true } },
    },
  },
} satisfies Prisma.VisitSelect;

/** A visit as pages show it: plain, serialisable data (no meeting number or URLs). */
export type VisitSummary = Prisma.VisitGetPayload<{ select: typeof visitSummarySelect }>;

/** How many visits of each kind a list shows: a planner, not an archive. */
const OPEN_LIMIT = 50;
const PAST_LIMIT = 20;

export type ListVisitsOptions = { viewer: Viewer; subjectId?: string; now?: Date };

/**
 * The viewer's visible visits (one subject's, if given): in progress and upcoming soonest first,
 * past latest first. Reading a subject's visits is audited as a read of that subject's data.
 */
export async function listVisits({
  viewer,
  subjectId,
  now = new Date(),
}: ListVisitsOptions): Promise<Record<VisitPhase, VisitSummary[]>> {
  const where: Prisma.VisitWhereInput = {
    AND: [visitsVisibleTo(viewer), subjectId ? { subjectId } : {}],
  };
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const [openRows, pastRows] = await Promise.all([
    db.visit.findMany({
      where: {
        AND: [
          where,
          { status: { in: [VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS] } },
          { scheduledStart: { gte: dayAgo } },
        ],
      },
      orderBy: { scheduledStart: "asc" },
      take: OPEN_LIMIT,
      select: visitSummarySelect,
    }),
    db.visit.findMany({
      where: {
        AND: [where, { OR: [{ scheduledStart: { lt: now } }, { status: VisitStatus.CANCELLED }] }],
      },
      orderBy: { scheduledStart: "desc" },
      take: PAST_LIMIT,
      select: visitSummarySelect,
    }),
  ]);
  const byId = new Map([...openRows, ...pastRows].map((row) => [row.id, row]));
  const groups = groupVisitsByPhase([...byId.values()], now);
  await recordAudit(db, {
    actor: viewer,
    action: "visit.list",
    targetType: "visit",
    subjectId: subjectId ?? viewer.subjectId,
    details: { count: byId.size },
  });
  return {
    in_progress: groups.in_progress,
    upcoming: groups.upcoming.slice(0, OPEN_LIMIT),
    past: groups.past.slice(0, PAST_LIMIT),
  };
}
