import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { publishVisitChanged } from "@/lib/realtime/publish-visit-changed";
import { getScheduledVisitForChange } from "@/lib/visits/managed-visit";
import { buildMeetingInput } from "@/lib/visits/meeting-input";
import { meetingFields, storeWithMeeting } from "@/lib/visits/meeting-record";
import type { RescheduleVisitInput } from "@/lib/visits/schemas";
import { assertNoOverlap, startInstant } from "@/lib/visits/scheduling-rules";
import { queueVisitMessages } from "@/lib/visit-messages/queue-visit-messages";
import { resolveVideoConferenceUserId } from "@/lib/users/resolve-video-conference-user";
import { zoomErrorOf } from "@/lib/zoom/api/request";
import { createZoomMeeting, updateZoomMeeting } from "@/lib/zoom/api/meetings";
import { getActiveZoomConnection } from "@/lib/zoom/connection";

/** Zoom's "Meeting does not exist" code. */
const MEETING_NOT_FOUND = 3001;

export type RescheduleVisitOptions = RescheduleVisitInput & { viewer: Viewer; now?: Date };

/**
 * Moves a scheduled visit. Its Zoom meeting moves with it (PATCH keeps the meeting number, so the
 * link the patient has stays valid); a meeting deleted in Zoom meanwhile is created again.
 */
export async function rescheduleVisit({
  viewer,
  visitId,
  date,
  time,
  durationMinutes,
  now = new Date(),
}: RescheduleVisitOptions) {
  const visit = await getScheduledVisitForChange(viewer, visitId, now);
  const start = startInstant({ date, time }, viewer.timeZone, now);
  await assertNoOverlap({
    providerId: visit.providerId,
    start,
    durationMinutes,
    timeZone: viewer.timeZone,
    exceptVisitId: visit.id,
  });

  const connection = await getActiveZoomConnection(viewer.organizationId);
  const input = buildMeetingInput({ start, durationMinutes, timeZone: viewer.timeZone });
  const save = (extra: object = {}) =>
    db.$transaction(async (tx) => {
      const updated = await tx.visit.update({
        where: { id: visit.id },
        data: { scheduledStart: start, durationMinutes, ...extra },
        select: { id: true, subjectId: true, scheduledStart: true, durationMinutes: true },
      });
      await recordAudit(tx, {
        actor: viewer,
        action: "visit.reschedule",
        targetType: "visit",
        targetId: visit.id,
        subjectId: visit.subjectId,
        details: {
          from: visit.scheduledStart.toISOString(),
          to: start.toISOString(),
          durationMinutes,
        },
      });
      await publishVisitChanged(tx, visit.id);
      await queueVisitMessages(tx, { visitId: visit.id, change: "rescheduled", now });
      return updated;
    });

  if (visit.zoomMeetingId !== null) {
    try {
      await updateZoomMeeting(connection, visit.zoomMeetingId, {
        start_time: input.start_time,
        duration: input.duration,
        timezone: input.timezone,
      });
      return await save();
    } catch (error) {
      if (zoomErrorOf(error)?.code !== MEETING_NOT_FOUND) throw error;
    }
  }
  const hostId = await resolveVideoConferenceUserId({
    userId: visit.providerId,
    connection,
    actor: viewer,
  });
  const meeting = await createZoomMeeting(connection, hostId, input);
  return storeWithMeeting(connection, meeting, () => save(meetingFields(meeting, visit.id)));
}
