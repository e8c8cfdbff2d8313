import "server-only";

import { v7 as uuidv7 } from "uuid";

import { decryptSecret, encryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { errorFields, log } from "@/lib/log";
import type { ZoomConnectionRef } from "@/lib/zoom/api/request";
import { deleteZoomMeeting } from "@/lib/zoom/api/meetings";
import type { ZoomMeeting } from "@/lib/zoom/schemas";

/** The id of a visit about to be created: its secrets are sealed to it before the row exists. */
export function newVisitId(): string {
  return uuidv7();
}

/** A visit's Zoom meeting forgotten (its numbers, links and passcode). */
export const NO_MEETING_FIELDS = {
  zoomMeetingId: null,
  zoomMeetingUuid: null,
  zoomHostId: null,
  zoomJoinUrl: null,
  zoomStartUrl: null,
  zoomPassword: null,
} as const;

/**
 * A Zoom meeting as the visit `visitId` stores it: the 64-bit meeting number, and the secrets
 * encrypted: the start URL (the host's token), the passcode, and the join URL, whose `pwd=` lets
 * anyone in without the waiting room's passcode prompt.
 */
export function meetingFields(meeting: ZoomMeeting, visitId: string) {
  const sealed = (column: "zoomStartUrl" | "zoomPassword" | "zoomJoinUrl", value: string) =>
    encryptSecret(value, sealedFields.visitMeeting(visitId, column));
  return {
    zoomMeetingId: BigInt(meeting.id),
    zoomMeetingUuid: meeting.uuid,
    zoomHostId: meeting.host_id,
    zoomJoinUrl: sealed("zoomJoinUrl", meeting.join_url),
    zoomStartUrl: sealed("zoomStartUrl", meeting.start_url),
    zoomPassword: meeting.password ? sealed("zoomPassword", meeting.password) : null,
  };
}

/**
 * A visit's stored join or start URL in clear. Join URLs stored before they were encrypted are
 * plain URLs until `resealSecrets` has sealed them (lib/crypto/reseal-secrets.ts).
 */
export function openMeetingUrl(
  stored: string,
  visitId: string,
  column: "zoomStartUrl" | "zoomJoinUrl",
): string {
  if (column === "zoomJoinUrl" && /^https?:\/\//.test(stored)) return stored;
  return decryptSecret(stored, sealedFields.visitMeeting(visitId, column));
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
