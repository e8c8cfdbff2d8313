import "server-only";

import { type ZoomConnectionRef, zoomErrorOf, zoomRequest } from "@/lib/zoom/api/request";
import { type ZoomMeeting, type ZoomMeetingInput, zoomMeetingSchema } from "@/lib/zoom/schemas";

// @see docs/protocols/zoom-rest.md#meetings

/** Zoom's "Meeting does not exist" code. */
const MEETING_NOT_FOUND = 3001;

export function createZoomMeeting(
  connection: ZoomConnectionRef,
  hostUserId: string,
  input: ZoomMeetingInput,
): Promise<ZoomMeeting> {
  return zoomRequest(connection, {
    method: "POST",
    path: `/users/${encodeURIComponent(hostUserId)}/meetings`,
    body: input,
    schema: zoomMeetingSchema,
  });
}

export function getZoomMeeting(
  connection: ZoomConnectionRef,
  meetingId: bigint,
): Promise<ZoomMeeting> {
  return zoomRequest(connection, {
    method: "GET",
    path: `/meetings/${meetingId}`,
    schema: zoomMeetingSchema,
  });
}

/** PATCH answers 204; read the meeting afterwards if its new state is needed. */
export async function updateZoomMeeting(
  connection: ZoomConnectionRef,
  meetingId: bigint,
  input: Partial<ZoomMeetingInput>,
): Promise<void> {
  await zoomRequest(connection, {
    method: "PATCH",
    path: `/meetings/${meetingId}`,
    body: input,
    schema: null,
  });
}

/** Deletes the meeting; a meeting Zoom no longer has counts as deleted. */
export async function deleteZoomMeeting(
  connection: ZoomConnectionRef,
  meetingId: bigint,
): Promise<void> {
  try {
    await zoomRequest(connection, {
      method: "DELETE",
      path: `/meetings/${meetingId}`,
      schema: null,
    });
  } catch (error) {
    if (zoomErrorOf(error)?.code === MEETING_NOT_FOUND) return;
    throw error;
  }
}
