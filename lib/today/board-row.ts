import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { fullName } from "@/lib/format";
import type { BoardRow } from "@/lib/today/types";
import { deviceCheckSummarySelect } from "@/lib/visits/device-check/device-check-select";

/** At most this many guests per row: a visit has a handful. */
const GUESTS_SHOWN = 10;

/** What one row of the board reads: the visit's live state, its subject and its provider. */
export const boardRowSelect = {
  id: true,
  organizationId: true,
  providerId: true,
  scheduledStart: true,
  durationMinutes: true,
  status: true,
  patientPresence: true,
  patientWaitingSince: true,
  isProviderPresent: true,
  providerJoinedAt: true,
  noShowAt: true,
  subject: { select: { id: true, recordNumber: true, firstName: true, lastName: true } },
  provider: { select: { id: true, firstName: true, lastName: true } },
  deviceCheck: { select: deviceCheckSummarySelect },
  // The guests' open stays: waiting (not yet admitted) or in the meeting.
  attendances: {
    where: { guestId: { not: null }, leftAt: null },
    orderBy: { id: "asc" },
    take: GUESTS_SHOWN,
    select: { joinedAt: true, guest: { select: { relationship: true } } },
  },
} satisfies Prisma.VisitSelect;

export type BoardRowRecord = Prisma.VisitGetPayload<{ select: typeof boardRowSelect }>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toBoardRow(visit: BoardRowRecord): BoardRow {
  return {
    visitId: visit.id,
    scheduledStart: visit.scheduledStart.toISOString(),
    durationMinutes: visit.durationMinutes,
    status: visit.status,
    patientPresence: visit.patientPresence,
    patientWaitingSince: iso(visit.patientWaitingSince),
    isProviderPresent: visit.isProviderPresent,
    providerJoinedAt: iso(visit.providerJoinedAt),
    noShowAt: iso(visit.noShowAt),
    subject: {
      id: visit.subject.id,
      name: fullName(visit.subject),
      recordNumber: visit.subject.recordNumber,
    },
    provider: { id: visit.provider.id, name: fullName(visit.provider) },
    deviceCheck: visit.deviceCheck
      ? { ...visit.deviceCheck, checkedAt: visit.deviceCheck.checkedAt.toISOString() }
      : null,
    guests: visit.attendances.flatMap((stay) =>
      stay.guest
        ? [{ relationship: stay.guest.relationship, isInMeeting: stay.joinedAt !== null }]
        : [],
    ),
  };
}
