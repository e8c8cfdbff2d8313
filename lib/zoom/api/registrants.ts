import "server-only";

import { z } from "zod";

import { type ZoomConnectionRef, zoomErrorOf, zoomRequest } from "@/lib/zoom/api/request";

// @see docs/protocols/zoom-rest.md#registrants

/** Zoom's answer (HTTP 404, code 404) for a meeting whose registration is off (approval_type 2). */
const REGISTRATION_NOT_ENABLED = 404;

/**
 * Registration with automatic approval and no emails from Zoom: we hand each registrant their link
 * ourselves. Meetings are created with it; an older meeting is patched to it.
 */
export const MEETING_REGISTRATION_SETTINGS = {
  approval_type: 0,
  registrants_confirmation_email: false,
  registrants_email_notification: false,
} as const;

/** Whether Zoom refused a registrant because the meeting does not take registrations. */
export function isRegistrationNotEnabled(error: unknown): boolean {
  const zoomError = zoomErrorOf(error);
  return zoomError?.status === 404 && zoomError.code === REGISTRATION_NOT_ENABLED;
}

/** Turns registration on for a meeting created without it (PATCH answers 204). */
export async function enableZoomMeetingRegistration(
  connection: ZoomConnectionRef,
  meetingId: bigint,
): Promise<void> {
  await zoomRequest(connection, {
    method: "PATCH",
    path: `/meetings/${meetingId}`,
    body: { settings: MEETING_REGISTRATION_SETTINGS },
    schema: null,
  });
}

/** What we send: who the registrant is, approved at once (Zoom's "auto_approve"). */
export type ZoomRegistrantInput = {
  email: string;
  first_name: string;
  last_name: string;
  auto_approve: true;
};

/** Zoom's answer; the meeting's `id` is a number, like everywhere in REST. Unknown fields are dropped. */
export const zoomRegistrantSchema = z.object({
  id: z.number().int().positive(),
  registrant_id: z.string().min(1),
  join_url: z.url(),
});
export type ZoomRegistrant = z.infer<typeof zoomRegistrantSchema>;

/**
 * Registers one person for a meeting; their `join_url` (with `tk=`) then admits them, and the
 * meeting's participant webhooks carry their `registrant_id`. Zoom answers an address that is
 * already registered with that same registrant, so a retried call does not register twice.
 */
export function addZoomMeetingRegistrant(
  connection: ZoomConnectionRef,
  meetingId: bigint,
  input: ZoomRegistrantInput,
): Promise<ZoomRegistrant> {
  return zoomRequest(connection, {
    method: "POST",
    path: `/meetings/${meetingId}/registrants`,
    body: input,
    schema: zoomRegistrantSchema,
  });
}
