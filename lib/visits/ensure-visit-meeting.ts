import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { errorFields, log } from "@/lib/log";
import { resolveVideoConferenceUserId } from "@/lib/users/resolve-video-conference-user";
import { buildMeetingInput } from "@/lib/visits/meeting-input";
import { meetingFields } from "@/lib/visits/meeting-record";
import { createZoomMeeting, deleteZoomMeeting } from "@/lib/zoom/api/meetings";
import { getActiveZoomConnection } from "@/lib/zoom/connection";

type VisitWithoutMeeting = {
  id: string;
  providerId: string;
  scheduledStart: Date;
  durationMinutes: number;
};

/**
 * Creates the Zoom meeting of a visit that has none (scheduled while Zoom was not linked, or demo
 * data), when someone first joins it. If two people do so at once, one meeting is kept.
 */
export async function ensureVisitMeeting(
  visit: VisitWithoutMeeting,
  viewer: Viewer,
  now = new Date(),
) {
  const connection = await getActiveZoomConnection(viewer.organizationId);
  const hostId = await resolveVideoConferenceUserId({
    userId: visit.providerId,
    connection,
    actor: viewer,
  });
  const start = visit.scheduledStart > now ? visit.scheduledStart : now;
  const meeting = await createZoomMeeting(
    connection,
    hostId,
    buildMeetingInput({ start, durationMinutes: visit.durationMinutes, timeZone: viewer.timeZone }),
  );
  const { count } = await db.visit.updateMany({
    where: { id: visit.id, zoomMeetingId: null },
    data: meetingFields(meeting, visit.id),
  });
  if (count === 0) {
    await deleteZoomMeeting(connection, BigInt(meeting.id)).catch((error: unknown) =>
      log.error("visits.orphan_meeting_not_deleted", errorFields(error)),
    );
  }
  return db.visit.findUniqueOrThrow({
    where: { id: visit.id },
    select: { zoomMeetingId: true, zoomJoinUrl: true, zoomStartUrl: true },
  });
}
