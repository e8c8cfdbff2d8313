import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { Role, VideoUserIdSource } from "@/generated/prisma/enums";
import { recordUserAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import type { VideoConferenceUserIdInput } from "@/lib/users/schemas";
import { assertOwnZoomUser } from "@/lib/users/zoom-user-ownership";
import { findActiveZoomConnection } from "@/lib/zoom/connection";

export type UpdateVideoConferenceUserIdOptions = VideoConferenceUserIdInput & { viewer: Viewer };

const TAKEN = "That Zoom user is already someone else's Video Conference User ID.";

/**
 * Sets (or, when empty, clears) the viewer's own Video Conference User ID: staff only, since the id
 * is whom Zoom's participant events are matched to and whom meetings are hosted as (a patient's id
 * would claim a staff member's Zoom user). With Zoom linked the id is checked now against the
 * linked account; otherwise it is checked when the person first starts a meeting.
 */
export async function updateVideoConferenceUserId({
  viewer,
  videoConferenceUserId,
}: UpdateVideoConferenceUserIdOptions) {
  if (viewer.role === Role.PATIENT)
    throw new AppError("forbidden", "Only staff have a Video Conference User ID");
  const value = videoConferenceUserId || null;
  const connection = value ? await findActiveZoomConnection(viewer.organizationId) : null;
  if (value && connection) await assertOwnZoomUser(connection, value, viewer.email);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.update({
        where: { id: viewer.id },
        data: {
          videoConferenceUserId: value,
          videoConferenceUserIdSource: value ? VideoUserIdSource.MANUAL : null,
          videoConferenceUserIdSetAt: value ? new Date() : null,
        },
        select: { videoConferenceUserId: true },
      });
      await recordUserAudit(tx, viewer, "user.video_id_update", {
        details: { isCleared: value === null },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("bad_request", TAKEN, {
        userMessage: TAKEN,
        fields: { videoConferenceUserId: [TAKEN] },
      });
    }
    throw error;
  }
}
