import "server-only";

import { Role, VisitStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { publishVisitChanged } from "@/lib/realtime/publish-visit-changed";
import { subjectsVisibleTo } from "@/lib/subjects/visibility";
import { queueVisitMessages } from "@/lib/visit-messages/queue-visit-messages";
import { resolveVideoConferenceUserId } from "@/lib/users/resolve-video-conference-user";
import { buildMeetingInput } from "@/lib/visits/meeting-input";
import { meetingFields, newVisitId, storeWithMeeting } from "@/lib/visits/meeting-record";
import type { ScheduleVisitInput } from "@/lib/visits/schemas";
import {
  assertNoOverlap,
  assertSchedulableProvider,
  startInstant,
} from "@/lib/visits/scheduling-rules";
import { createZoomMeeting } from "@/lib/zoom/api/meetings";
import { getActiveZoomConnection } from "@/lib/zoom/connection";

export type ScheduleVisitOptions = Omit<ScheduleVisitInput, "subjectId"> & {
  subjectId: string;
  viewer: Viewer;
  now?: Date;
};

/**
 * A video visit at a later time: its Zoom meeting is created now (hosted by the provider's Zoom
 * user, waiting room on), so that its join link can go to the patient at once.
 */
export async function scheduleVisit(options: ScheduleVisitOptions) {
  const { viewer, subjectId, providerId, durationMinutes, now = new Date() } = options;
  const subject = await db.subject.findFirst({
    where: { AND: [{ id: subjectId }, subjectsVisibleTo(viewer)] },
    select: { id: true },
  });
  if (!subject) throw new AppError("not_found", "Subject not found");
  if (viewer.role === Role.PATIENT)
    throw new AppError("forbidden", "Patients cannot schedule visits");
  const start = startInstant(options, viewer.timeZone, now);
  await assertSchedulableProvider(viewer.organizationId, providerId);
  await assertNoOverlap({ providerId, start, durationMinutes, timeZone: viewer.timeZone });

  const connection = await getActiveZoomConnection(viewer.organizationId);
  const hostId = await resolveVideoConferenceUserId({
    userId: providerId,
    connection,
    actor: viewer,
  });
  const meeting = await createZoomMeeting(
    connection,
    hostId,
    buildMeetingInput({ start, durationMinutes, timeZone: viewer.timeZone }),
  );
  return storeWithMeeting(connection, meeting, async () => {
    return await db.$transaction(async (tx) => {
      const id = newVisitId();
      const visit = await tx.visit.create({
        data: {
          id,
          organizationId: viewer.organizationId,
          subjectId: subject.id,
          providerId,
          createdById: viewer.id,
          scheduledStart: start,
          durationMinutes,
          status: VisitStatus.SCHEDULED,
          ...meetingFields(meeting, id),
        },
        select: {
          id: true,
          subjectId: true,
          scheduledStart: true,
          durationMinutes: true,
          providerId: true,
        },
      });
      await recordAudit(tx, {
        actor: viewer,
        action: "visit.schedule",
        targetType: "visit",
        targetId: visit.id,
        subjectId: subject.id,
      });
      await publishVisitChanged(tx, visit.id);
      await queueVisitMessages(tx, { visitId: visit.id, change: "scheduled", now });
      return visit;
    });
  });
}
