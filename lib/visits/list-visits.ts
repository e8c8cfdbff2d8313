import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { deviceCheckSummarySelect } from "@/lib/visits/device-check/device-check-select";
import { liveVisitReadSelect } from "@/lib/visits/live-visit";
import { buildListVisitIdsSql } from "@/lib/visits/list-visits.sql";
import { groupVisitsByList, type VisitList, visitPhaseSelect } from "@/lib/visits/visit-phase";
import { visitsVisibleTo } from "@/lib/visits/visibility";

const ATTENDANCE_SHOWN = 20;

export const visitSummarySelect = {
  ...liveVisitReadSelect,
  ...visitPhaseSelect,
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
      guest: { select: { name: true, relationship: true } },
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
 * The viewer's visible visits (one subject's, if given), in the three lists of their phase
 * (visit-phase.ts): in progress and upcoming soonest first, past latest first. Reading a
 * subject's visits is audited as a read of that subject's data.
 */
export async function listVisits({
  viewer,
  subjectId,
  now = new Date(),
}: ListVisitsOptions): Promise<Record<VisitList, VisitSummary[]>> {
  const ids = await db.$queryRaw<{ id: string }[]>(
    buildListVisitIdsSql({ viewer, subjectId, now, openLimit: OPEN_LIMIT, pastLimit: PAST_LIMIT }),
  );
  const rows = await db.visit.findMany({
    where: { AND: [{ id: { in: ids.map((row) => row.id) } }, visitsVisibleTo(viewer)] },
    select: visitSummarySelect,
  });
  await recordAudit(db, {
    actor: viewer,
    action: "visit.list",
    targetType: "visit",
    subjectId: subjectId ?? viewer.subjectId,
    details: { count: rows.length },
  });
  return groupVisitsByList(rows, now);
}
