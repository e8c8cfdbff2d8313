import "server-only";

import { PatientPresence, ZoomConnectionStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/db";

export type PurgeCounts = {
  visits: number;
  attendances: number;
  participantEvents: number;
  notifications: number;
  userMappings: number;
  connectionIdentity: number;
};

/**
 * Deletes what CareVisit stored from Zoom for an organization up to `before` (the deletion
 * request's time): meeting numbers, ids, URLs and start/end times on visits, participants' Zoom ids
 * with their join and leave times, the notifications they came in, users' Zoom user ids, and who
 * authorized the app.
 * Visits themselves (our own scheduling) stay. Running it twice deletes nothing more.
 */
export async function purgeZoomData(
  tx: Tx,
  organizationId: string,
  before: Date,
): Promise<PurgeCounts> {
  const visitScope = { organizationId, createdAt: { lte: before } };
  const participantEvents = await tx.participantEvent.deleteMany({
    where: { visit: visitScope, occurredAt: { lte: before } },
  });
  const attendances = await tx.attendance.deleteMany({ where: { visit: visitScope } });
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
      zoomMeetingId: null,
      zoomMeetingUuid: null,
      zoomHostId: null,
      zoomJoinUrl: null,
      zoomStartUrl: null,
      zoomPassword: null,
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
      OR: [{ zoomUserId: { not: null } }, { zoomUserEmail: { not: null } }],
    },
    data: { zoomUserId: null, zoomUserEmail: null },
  });
  return {
    visits: visits.count,
    attendances: attendances.count,
    participantEvents: participantEvents.count,
    notifications: notifications.count,
    userMappings: userMappings.count,
    connectionIdentity: connectionIdentity.count,
  };
}
