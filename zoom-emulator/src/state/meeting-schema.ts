import { z } from "zod";

import { jsonValueSchema } from "./json";

// Meetings, their instances (each start gets a new UUID) and the people in them.
// @see docs/protocols/zoom-webhooks.md#payloads and docs/protocols/zoom-rest.md#meetings

export const PLACES = ["waiting_room", "waiting_for_host", "meeting", "left"] as const;

// One continuous stay in the waiting room or the meeting: one row of the participants report.
export const stintSchema = z.object({
  userId: z.string(),
  place: z.enum(["waiting_room", "meeting"]),
  from: z.number(),
  to: z.number().nullable(),
});
export type Stint = z.infer<typeof stintSchema>;

export const participantSchema = z.object({
  participantUuid: z.string(),
  // Capability for this person's web-client pages (`/wc/{sessionKey}`).
  sessionKey: z.string(),
  name: z.string(),
  email: z.string(),
  // The Zoom user id when the person is a user of the meeting's account, else "".
  zoomUserId: z.string(),
  customerKey: z.string(),
  registrantId: z.string(),
  isHost: z.boolean(),
  telehealth: z.object({ sessionId: z.string(), userId: z.string() }).nullable(),
  place: z.enum(PLACES),
  // The in-meeting user id: a new one per join, as Zoom's SDK docs describe.
  userId: z.string(),
  stints: z.array(stintSchema),
});
export type Participant = z.infer<typeof participantSchema>;

export const instanceSchema = z.object({
  uuid: z.string(),
  status: z.enum(["waiting", "started", "finished"]),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  participants: z.array(participantSchema),
});
export type MeetingInstance = z.infer<typeof instanceSchema>;

export const registrantSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  // The `tk=` token in the registrant's own join URL.
  token: z.string(),
  // Pending until approved (manual approval without `auto_approve`); pending links do not admit.
  status: z.enum(["approved", "pending"]).default("approved"),
  pinCode: z.number().int().default(0),
  createdAt: z.number(),
});
export type Registrant = z.infer<typeof registrantSchema>;

export const meetingSchema = z.object({
  id: z.number().int(),
  accountId: z.string(),
  hostId: z.string(),
  topic: z.string(),
  type: z.number().int(),
  startTime: z.number().nullable(),
  duration: z.number().int(),
  timezone: z.string(),
  agenda: z.string(),
  password: z.string(),
  encryptedPassword: z.string(),
  h323Password: z.string(),
  settings: z.record(z.string(), jsonValueSchema),
  recurrence: jsonValueSchema.nullable(),
  trackingFields: z.array(jsonValueSchema),
  createdAt: z.number(),
  deletedAt: z.number().nullable(),
  nextUserSeq: z.number().int(),
  instances: z.array(instanceSchema).min(1),
  registrants: z.array(registrantSchema),
});
export type Meeting = z.infer<typeof meetingSchema>;
