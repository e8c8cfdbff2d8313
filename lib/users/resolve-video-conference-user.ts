import "server-only";

import { VideoUserIdSource } from "@/generated/prisma/enums";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/db";
import { AppError, isAppError } from "@/lib/errors";
import { assertOwnZoomUser } from "@/lib/users/zoom-user-ownership";
import { type ZoomConnectionRef, zoomErrorOf } from "@/lib/zoom/api/request";
import { createZoomUser, findZoomUser } from "@/lib/zoom/api/users";

/** Zoom's "User already in the account" code (someone created it a moment ago). */
const USER_EXISTS = 1005;

export type ResolveVideoConferenceUserOptions = {
  userId: string;
  connection: ZoomConnectionRef;
  /** Who caused the lookup (the care team member starting or scheduling a visit). */
  actor: AuditActor;
};

async function checkManualId(
  connection: ZoomConnectionRef,
  zoomUserId: string,
  email: string,
): Promise<void> {
  try {
    await assertOwnZoomUser(connection, zoomUserId, email);
  } catch (error) {
    if (!isAppError(error, "bad_request")) throw error;
    throw new AppError("conflict", `Video Conference User ID check failed: ${error.message}`, {
      userMessage: `${error.message} Correct the Video Conference User ID on the profile page, or clear it to be matched by email.`,
    });
  }
}

async function findOrCreateZoomUser(
  connection: ZoomConnectionRef,
  user: { email: string; firstName: string; lastName: string },
) {
  const existing = await findZoomUser(connection, user.email);
  if (existing) return { zoomUser: existing, source: VideoUserIdSource.EMAIL_MATCH };
  try {
    return { zoomUser: await createZoomUser(connection, user), source: VideoUserIdSource.CREATED };
  } catch (error) {
    // Created a moment ago, most likely by a concurrent request for the same person.
    const created =
      zoomErrorOf(error)?.code === USER_EXISTS ? await findZoomUser(connection, user.email) : null;
    if (!created) throw error;
    return { zoomUser: created, source: VideoUserIdSource.CREATED };
  }
}

/**
 * The user's Zoom user id: the Video Conference User ID on their profile (checked to be their own);
 * else the linked account's user with the same email; else a new Zoom user (`custCreate`). The
 * result is stored, so the lookup happens once.
 */
export async function resolveVideoConferenceUserId({
  userId,
  connection,
  actor,
}: ResolveVideoConferenceUserOptions): Promise<string> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      organizationId: true,
      videoConferenceUserId: true,
      videoConferenceUserIdSource: true,
    },
  });
  if (user.videoConferenceUserId) {
    if (user.videoConferenceUserIdSource === VideoUserIdSource.MANUAL)
      await checkManualId(connection, user.videoConferenceUserId, user.email);
    return user.videoConferenceUserId;
  }

  const { zoomUser, source } = await findOrCreateZoomUser(connection, user);
  const isStored = await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, videoConferenceUserId: null },
      data: {
        videoConferenceUserId: zoomUser.id,
        videoConferenceUserIdSource: source,
        videoConferenceUserIdSetAt: new Date(),
      },
    });
    if (count === 0) return false; // A concurrent request stored one first: keep theirs.
    await recordAudit(tx, {
      actor,
      action: "user.video_id_resolved",
      targetType: "user",
      targetId: user.id,
      details: { source },
    });
    return true;
  });
  if (isStored) return zoomUser.id;
  const current = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { videoConferenceUserId: true },
  });
  return current.videoConferenceUserId ?? zoomUser.id;
}
