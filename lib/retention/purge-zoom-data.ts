import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { PatientPresence, VisitStatus, ZoomConnectionStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/db";
import { NO_MEETING_FIELDS } from "@/lib/visits/meeting-record";

export type PurgeCounts = {
  visits: number;
  attendances: number;
  participantEvents: number;
  /** People's own Zoom registrations (registrant ids and their `tk=` links). */
  registrants: number;
  notifications: number;
  userMappings: number;
  connectionIdentity: number;
};

/**
 * The visits whose Zoom data the retention promise covers: those of past meetings, booked before
 * the deletion request (`before`). A visit still booked for later (`now` is the purge's time)
 * keeps its meeting, so that it can be held; relinking another account replaces it
 * (lib/zoom/link/save-zoom-connection.ts).
 */
function pastMeetingVisits(organizationId: string, { before, now }: PurgeTimes) {
  return {
    organizationId,
    createdAt: { lte: before },
    NOT: { status: VisitStatus.SCHEDULED, scheduledStart: { gt: now } },
  } satisfies Prisma.VisitWhereInput;
}

export type PurgeTimes = { before: Date; now: Date };

/**
 * Deletes what CareVisit stored from Zoom for an organization up to `before` (the deletion
 * request's time): meeting numbers, ids, URLs and start/end times of past meetings' visits,
 * participants' Zoom ids with their join and leave times, people's Zoom registrations, the notifications they came in, users'
 * Zoom user ids, and who authorized the app.
 * Visits themselves (our own scheduling) stay. Running it twice deletes nothing more.
 */
export async function purgeZoomData(
  tx: Tx,
  organizationId: string,
  times: PurgeTimes,
): Promise<PurgeCounts> {
  const { before } = times;
  const visitScope = pastMeetingVisits(organizationId, times);
  const participantEvents = await tx.participantEvent.deleteMany({
    where: { visit: visitScope, occurredAt: { lte: before } },
  });
  const attendances = await tx.attendance.deleteMany({ where: { visit: visitScope } });
  const registrants = await tx.visitRegistrant.deleteMany({ where: { visit: visitScope } });
  const notifications = await tx.inboundNotification.deleteMany({
    where: { organizationId, receivedAt: { lte: before } },
  });
  const visits = await tx.visit.updateMany({
    where: {
      ...visitScope,
      OR: [
        { zoomMeetingId: { not: null } },
        { startedAt: { not: null } },
        { lastEventAt: { not: null } },
      ],
    },
    data: {
      ...NO_MEETING_FIELDS,
      startedAt: null,
      endedAt: null,
      patientPresence: PatientPresence.NOT_JOINED,
      patientWaitingSince: null,
      providerJoinedAt: null,
      isProviderPresent: false,
      lastEventAt: null,
    },
  });
  const userMappings = await tx.user.updateMany({
    where: {
      organizationId,
      videoConferenceUserId: { not: null },
      OR: [{ videoConferenceUserIdSetAt: { lte: before } }, { videoConferenceUserIdSetAt: null }],
    },
    data: {
      videoConferenceUserId: null,
      videoConferenceUserIdSource: null,
      videoConferenceUserIdSetAt: null,
    },
  });
  // Who authorized the app in Zoom, unless Zoom has been linked again since.
  const connectionIdentity = await tx.zoomConnection.updateMany({
    where: {
      organizationId,
      status: ZoomConnectionStatus.REMOVED,
      OR: [
        { zoomUserId: { not: null } },
        { zoomUserEmail: { not: null } },
        { zoomUserName: { not: null } },
      ],
    },
    data: { zoomUserId: null, zoomUserEmail: null, zoomUserName: null },
  });
  return {
    visits: visits.count,
    attendances: attendances.count,
    participantEvents: participantEvents.count,
    registrants: registrants.count,
    notifications: notifications.count,
    userMappings: userMappings.count,
    connectionIdentity: connectionIdentity.count,
  };
}
