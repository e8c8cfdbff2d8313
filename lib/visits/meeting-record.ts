import "server-only";

import { encryptSecret } from "@/lib/crypto/encryption";
import { errorFields, log } from "@/lib/log";
import type { ZoomConnectionRef } from "@/lib/zoom/api/request";
import { deleteZoomMeeting } from "@/lib/zoom/api/meetings";
import type { ZoomMeeting } from "@/lib/zoom/schemas";

/** A Zoom meeting as a visit stores it: the 64-bit meeting number, and secrets encrypted. */
export function meetingFields(meeting: ZoomMeeting) {
  return {
    zoomMeetingId: BigInt(meeting.id),
    zoomMeetingUuid: meeting.uuid,
    zoomHostId: meeting.host_id,
    zoomJoinUrl: meeting.join_url,
    zoomStartUrl: encryptSecret(meeting.start_url),
    zoomPassword: meeting.password ? encryptSecret(meeting.password) : null,
  };
}

/**
 * Stores what refers to a meeting just created in Zoom; if storing fails, deletes the meeting
 * again, so that no meeting exists that no visit knows of.
 */
export async function storeWithMeeting<T>(
  connection: ZoomConnectionRef,
  meeting: ZoomMeeting,
  store: () => Promise<T>,
): Promise<T> {
  try {
    return await store();
  } catch (error) {
    await deleteZoomMeeting(connection, BigInt(meeting.id)).catch((cleanup: unknown) =>
      log.error("visits.orphan_meeting_not_deleted", {
        zoomMeetingId: String(meeting.id),
        ...errorFields(cleanup),
      }),
    );
    throw error;
  }
}
