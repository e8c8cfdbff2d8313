import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { Role, VisitStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { publishVisitChanged } from "@/lib/realtime/publish-visit-changed";
import { queueVisitMessages } from "@/lib/visit-messages/queue-visit-messages";
import { AppError } from "@/lib/errors";
import { subjectsVisibleTo } from "@/lib/subjects/visibility";
import { resolveVideoConferenceUserId } from "@/lib/users/resolve-video-conference-user";
import { buildMeetingInput } from "@/lib/visits/meeting-input";
import { meetingFields, newVisitId, storeWithMeeting } from "@/lib/visits/meeting-record";
import { createZoomMeeting } from "@/lib/zoom/api/meetings";
import { getActiveZoomConnection } from "@/lib/zoom/connection";

export const startedVisitSelect = {
  id: true,
  subjectId: true,
  providerId: true,
  scheduledStart: true,
  durationMinutes: true,
  status: true,
  zoomMeetingId: true,
  zoomJoinUrl: true,
} satisfies Prisma.VisitSelect;

export type StartVisitOptions = {
  viewer: Viewer;
  subjectId: string;
  durationMinutes?: number;
  now?: Date;
};

/**
 * A video visit starting now: a Zoom meeting hosted by the care team member's Zoom user (waiting
 * room on, join before host off), then the visit with its meeting number, uuid and URLs. Zoom is
 * called before the transaction; if storing fails, the meeting is deleted again.
 */
export async function startVisit({
  viewer,
  subjectId,
  durationMinutes = 30,
  now = new Date(),
}: StartVisitOptions) {
  const subject = await db.subject.findFirst({
    where: { AND: [{ id: subjectId }, subjectsVisibleTo(viewer)] },
    select: { id: true },
  });
  if (!subject) throw new AppError("not_found", "Subject not found");
  if (viewer.role === Role.PATIENT) throw new AppError("forbidden", "Patients cannot start visits");

  const connection = await getActiveZoomConnection(viewer.organizationId);
  const hostId = await resolveVideoConferenceUserId({
    userId: viewer.id,
    connection,
    actor: viewer,
  });
  const meeting = await createZoomMeeting(
    connection,
    hostId,
    buildMeetingInput({ start: now, durationMinutes, timeZone: viewer.timeZone }),
  );
  return storeWithMeeting(connection, meeting, async () => {
    const visit = await db.$transaction(async (tx) => {
      const id = newVisitId();
      const created = await tx.visit.create({
        data: {
          id,
          organizationId: viewer.organizationId,
          subjectId: subject.id,
          providerId: viewer.id,
          createdById: viewer.id,
          scheduledStart: now,
          durationMinutes,
          status: VisitStatus.SCHEDULED,
          ...meetingFields(meeting, id),
        },
        select: startedVisitSelect,
      });
      await recordAudit(tx, {
        actor: viewer,
        action: "visit.start",
        targetType: "visit",
        targetId: created.id,
        subjectId: subject.id,
      });
      await publishVisitChanged(tx, created.id);
      await queueVisitMessages(tx, { visitId: created.id, change: "started", now });
      return created;
    });
    return { visit, startUrl: meeting.start_url };
  });
}
