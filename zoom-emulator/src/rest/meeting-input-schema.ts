import { z } from "zod";

import { jsonValueSchema } from "../state/json";

// Bodies of POST /users/{userId}/meetings and PATCH /meetings/{meetingId} (zoom-rest.md#meetings,
// Rivet's `MeetingsCreateMeetingRequestBody`). Known settings are type-checked; unknown ones are
// kept and echoed, as Zoom keeps settings this emulator does not model.

const meetingSettingsSchema = z
  .object({
    host_video: z.boolean(),
    participant_video: z.boolean(),
    join_before_host: z.boolean(),
    jbh_time: z.union([z.literal(0), z.literal(5), z.literal(10), z.literal(15)]),
    mute_upon_entry: z.boolean(),
    waiting_room: z.boolean(),
    meeting_authentication: z.boolean(),
    authentication_option: z.string(),
    approval_type: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    registration_type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    audio: z.enum(["both", "telephony", "voip", "thirdParty"]),
    auto_recording: z.enum(["local", "cloud", "none"]),
    enforce_login: z.boolean(),
    use_pmi: z.boolean(),
    private_meeting: z.boolean(),
    email_notification: z.boolean(),
    registrants_confirmation_email: z.boolean(),
    registrants_email_notification: z.boolean(),
    encryption_type: z.enum(["enhanced_encryption", "e2ee"]),
    continuous_meeting_chat: z.record(z.string(), jsonValueSchema),
  })
  .partial()
  .catchall(jsonValueSchema);

// Zoom's passcode rule: at most 10 characters of letters, digits and @ - _ *.
const passwordSchema = z
  .string()
  .max(10)
  .regex(/^[A-Za-z0-9@_*-]*$/, "Invalid passcode.");

export const meetingBodySchema = z.object({
  topic: z.string().max(200).optional(),
  type: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(8)]).optional(),
  start_time: z.string().optional(),
  duration: z.number().int().min(0).optional(),
  timezone: z.string().optional(),
  password: passwordSchema.optional(),
  default_password: z.boolean().optional(),
  agenda: z.string().max(2000).optional(),
  pre_schedule: z.boolean().optional(),
  schedule_for: z.string().optional(),
  template_id: z.string().optional(),
  tracking_fields: z
    .array(z.object({ field: z.string(), value: z.string().optional() }))
    .optional(),
  recurrence: z.record(z.string(), jsonValueSchema).optional(),
  settings: meetingSettingsSchema.optional(),
});
export type MeetingBody = z.infer<typeof meetingBodySchema>;
