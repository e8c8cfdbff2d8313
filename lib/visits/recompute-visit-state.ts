import "server-only";

import type { Tx } from "@/lib/db";
import { publishVisitChanged } from "@/lib/realtime/publish-visit-changed";
import { deriveVisitState, type VisitEvent } from "@/lib/visits/visit-state";

/** More events than a visit could ever have: the read stays bounded. */
const MAX_EVENTS = 5_000;

export const MEETING_STARTED = "meeting.started";
export const MEETING_ENDED = "meeting.ended";

/**
 * Derives the visit's live state and attendance from all its recorded events and stores it, then
 * tells the app instances. The caller holds the visit's row lock (lockVisit), so that two
 * notifications of one visit are applied one after the other and the second sees the first, and
 * has checked that the visit is not cancelled.
 */
export async function recomputeVisitState(tx: Tx, visitId: string): Promise<void> {
  const [participantEvents, lifecycle] = await Promise.all([
    tx.participantEvent.findMany({
      where: { visitId },
      orderBy: { occurredAt: "asc" },
      take: MAX_EVENTS,
      select: {
        kind: true,
        occurredAt: true,
        participantKey: true,
        role: true,
        userId: true,
        zoomUserId: true,
        displayName: true,
      },
    }),
    tx.inboundNotification.findMany({
      where: {
        visitId,
        eventType: { in: [MEETING_STARTED, MEETING_ENDED] },
        eventAt: { not: null },
      },
      take: MAX_EVENTS,
      select: { eventType: true, eventAt: true },
    }),
  ]);
  const events: VisitEvent[] = [
    ...participantEvents.map((event) => ({
      type: "participant" as const,
      ...event,
      at: event.occurredAt,
    })),
    ...lifecycle.map((event) => ({
      type:
        event.eventType === MEETING_STARTED
          ? ("meeting_started" as const)
          : ("meeting_ended" as const),
      at: event.eventAt ?? new Date(0),
    })),
  ];
  const { attendances, ...state } = deriveVisitState(events);
  await tx.visit.update({
    where: { id: visitId },
    data: {
      ...state,
      status: state.status,
    },
    select: { id: true },
  });
  await tx.attendance.deleteMany({ where: { visitId } });
  if (attendances.length > 0)
    await tx.attendance.createMany({
      data: attendances.map((session) => ({ ...session, visitId })),
    });
  await publishVisitChanged(tx, visitId);
}
