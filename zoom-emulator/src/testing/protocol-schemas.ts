import { z } from "zod";

// Test-side schemas written from docs/protocols/, not from the emulator's code, so the tests
// check the emulator against the document. Strict objects catch extra or misspelt fields.

const zoomTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

export const tokenResponseSchema = z.strictObject({
  access_token: z.string(),
  token_type: z.literal("bearer"),
  refresh_token: z.string(),
  expires_in: z.number(),
  scope: z.string(),
  api_url: z.string(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const oauthErrorSchema = z.strictObject({ reason: z.string(), error: z.string() });
export const restErrorSchema = z.object({ code: z.number(), message: z.string() });

// zoom-webhooks.md#payloads: the meeting part of every meeting and participant event. `id` is a
// STRING.
const meetingObjectShape = {
  id: z.string().regex(/^\d{11}$/),
  uuid: z.string().length(24),
  host_id: z.string(),
  topic: z.string(),
  type: z.number(),
  start_time: zoomTime,
  timezone: z.string().optional(),
  duration: z.number(),
};

const participantIdentity = {
  user_id: z.string(),
  user_name: z.string(),
  id: z.string(),
  participant_uuid: z.string().regex(/^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/),
  email: z.string(),
  registrant_id: z.string().optional(),
  customer_key: z.string().max(36).optional(),
};

export const participantJoinedSchema = z.strictObject({
  ...participantIdentity,
  join_time: zoomTime,
  participant_user_id: z.string().optional(),
  phone_number: z.string().optional(),
});

export const participantLeftSchema = z.strictObject({
  ...participantIdentity,
  leave_time: zoomTime,
  leave_reason: z.string().optional(),
  participant_user_id: z.string().optional(),
  phone_number: z.string().optional(),
});

export const waitingRoomParticipantSchema = z.strictObject({
  ...participantIdentity,
  date_time: zoomTime,
  participant_user_id: z.string().optional(),
  phone_number: z.string().optional(),
});

export const admittedParticipantSchema = z.strictObject({
  ...participantIdentity,
  date_time: zoomTime,
});

function envelope<T extends z.ZodType>(event: string, object: T) {
  return z.strictObject({
    event: z.literal(event),
    event_ts: z.number().int().gt(1_600_000_000_000),
    payload: z.strictObject({ account_id: z.string(), object }),
  });
}

export const webhookSchemas = {
  "meeting.started": envelope("meeting.started", z.strictObject(meetingObjectShape)),
  "meeting.ended": envelope(
    "meeting.ended",
    z.strictObject({ ...meetingObjectShape, end_time: zoomTime }),
  ),
  "meeting.participant_joined": envelope(
    "meeting.participant_joined",
    z.strictObject({ ...meetingObjectShape, participant: participantJoinedSchema }),
  ),
  "meeting.participant_left": envelope(
    "meeting.participant_left",
    z.strictObject({ ...meetingObjectShape, participant: participantLeftSchema }),
  ),
  "meeting.participant_joined_waiting_room": envelope(
    "meeting.participant_joined_waiting_room",
    z.strictObject({ ...meetingObjectShape, participant: waitingRoomParticipantSchema }),
  ),
  "meeting.participant_left_waiting_room": envelope(
    "meeting.participant_left_waiting_room",
    z.strictObject({ ...meetingObjectShape, participant: waitingRoomParticipantSchema }),
  ),
  "meeting.participant_admitted": envelope(
    "meeting.participant_admitted",
    z.strictObject({ ...meetingObjectShape, participant: admittedParticipantSchema }),
  ),
};

export const anyWebhookSchema = z.object({
  event: z.string(),
  event_ts: z.number(),
  payload: z.record(z.string(), z.unknown()),
});

// zoom-rest.md#meetings: the create response (and GET, which adds nothing new since Nov 2025).
export const meetingResponseSchema = z.object({
  id: z.number().int(),
  uuid: z.string().length(24),
  host_id: z.string(),
  host_email: z.string(),
  topic: z.string(),
  type: z.number(),
  status: z.enum(["waiting", "started", "finished"]),
  start_time: zoomTime.optional(),
  duration: z.number(),
  timezone: z.string(),
  agenda: z.string(),
  created_at: zoomTime,
  join_url: z.string(),
  start_url: z.string(),
  password: z.string(),
  encrypted_password: z.string(),
  h323_password: z.string(),
  pstn_password: z.string(),
  pre_schedule: z.literal(false),
  settings: z.record(z.string(), z.unknown()),
});

export const jsonObjectSchema = z.record(z.string(), z.unknown());

export async function readJsonObject(response: Response): Promise<Record<string, unknown>> {
  return jsonObjectSchema.parse(await response.json());
}
