import "server-only";

import { VideoUserIdSource, VisitStatus } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import type { Tx } from "@/lib/db/db";
import { cancelDeletionsOnRelink } from "@/lib/retention/cancel-data-deletion";
import { NO_MEETING_FIELDS } from "@/lib/visits/meeting-record";

export type Relink = { viewer: Viewer; previousAccountId: string | null; accountId: string };

/**
 * What a new link keeps of the previous one. The same Zoom account: its data stays, so a pending
 * deletion of it is cancelled (audited). Another account: the old account's Zoom user ids and the
 * meetings of visits still booked mean nothing there; those visits get new meetings in the new
 * account when someone first joins them (lib/visits/ensure-visit-meeting.ts).
 */
export async function carryOverOnRelink(
  tx: Tx,
  { viewer, previousAccountId, accountId }: Relink,
  now: Date,
): Promise<void> {
  const organizationId = viewer.organizationId;
  if (previousAccountId === null) return;
  if (previousAccountId === accountId) {
    await cancelDeletionsOnRelink(tx, { organizationId, zoomAccountId: accountId, actor: viewer });
    return;
  }
  await tx.user.updateMany({
    where: {
      organizationId,
      videoConferenceUserIdSource: {
        in: [VideoUserIdSource.EMAIL_MATCH, VideoUserIdSource.CREATED],
      },
    },
    data: {
      videoConferenceUserId: null,
      videoConferenceUserIdSource: null,
      videoConferenceUserIdSetAt: null,
    },
  });
  await tx.visit.updateMany({
    where: {
      organizationId,
      status: VisitStatus.SCHEDULED,
      scheduledStart: { gt: now },
      zoomMeetingId: { not: null },
    },
    data: NO_MEETING_FIELDS,
  });
}
