import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/lib/auth/types";
import { pooledSql } from "@/lib/db/sql";
import { shownVisitMessages, type VisitMessageRow } from "@/lib/visit-messages/list-visit-messages";
import type { VisitMessageSummary } from "@/lib/visit-messages/types";
import { deviceCheckSummarySelect } from "@/lib/visits/device-check/device-check-select";
import { liveVisitReadSelect } from "@/lib/visits/live-visit";
import { buildListVisitsSql } from "@/lib/visits/list-visits.sql";
import { groupVisitsByList, type VisitList, visitPhaseSelect } from "@/lib/visits/visit-phase";

const ATTENDANCE_SHOWN = 20;
/** More than a visit ever has in practice (two recipients, a few versions and reminders). */
const MESSAGES_SHOWN = 30;

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

/** A listed visit: its summary and, when asked for, its messages (else none). */
export type ListedVisit = VisitSummary & { messages: VisitMessageSummary[] };

type Attendance = VisitSummary["attendances"][number];
type JsonTimes<T, K extends keyof T> = Omit<T, K> & { [P in K]: string | null };
type VisitRow = Omit<VisitSummary, "deviceCheck" | "attendances"> & {
  calendarSequence: number;
  deviceCheck:
    (Omit<NonNullable<VisitSummary["deviceCheck"]>, "checkedAt"> & { checkedAt: string }) | null;
  attendances: JsonTimes<Attendance, "waitingRoomJoinedAt" | "joinedAt" | "leftAt">[];
  messages: VisitMessageRow[];
};

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

function toListedVisit({ calendarSequence, messages, ...row }: VisitRow): ListedVisit {
  return {
    ...row,
    deviceCheck: row.deviceCheck && {
      ...row.deviceCheck,
      checkedAt: new Date(row.deviceCheck.checkedAt),
    },
    attendances: row.attendances.map((attendance) => ({
      ...attendance,
      waitingRoomJoinedAt: dateOrNull(attendance.waitingRoomJoinedAt),
      joinedAt: dateOrNull(attendance.joinedAt),
      leftAt: dateOrNull(attendance.leftAt),
    })),
    messages: shownVisitMessages(calendarSequence, messages),
  };
}

/** How many visits of each kind a list shows: a planner, not an archive. */
const OPEN_LIMIT = 50;
const PAST_LIMIT = 20;

export type ListVisitsOptions = {
  viewer: Viewer;
  subjectId?: string;
  now?: Date;
  /** Each visit's messages too (the care team's Video Conferencing page). */
  withMessages?: boolean;
};

/**
 * The viewer's visible visits (one subject's, if given), in the three lists of their phase
 * (visit-phase.ts): in progress and upcoming soonest first, past latest first. Reading a
 * subject's visits is audited as a read of that subject's data, by the same statement.
 */
export async function listVisits({
  viewer,
  subjectId,
  now = new Date(),
  withMessages = false,
}: ListVisitsOptions): Promise<Record<VisitList, ListedVisit[]>> {
  const rows = await pooledSql.query<VisitRow>(
    buildListVisitsSql({
      viewer,
      subjectId,
      now,
      openLimit: OPEN_LIMIT,
      pastLimit: PAST_LIMIT,
      attendancesShown: ATTENDANCE_SHOWN,
      messagesShown: withMessages ? MESSAGES_SHOWN : 0,
      audit: {
        actor: viewer,
        action: "visit.list",
        targetType: "visit",
        subjectId: subjectId ?? viewer.subjectId,
      },
    }),
  );
  return groupVisitsByList(rows.map(toListedVisit), now);
}
