import "server-only";

import { z } from "zod";

import { ParticipantEventKind } from "@/generated/prisma/enums";
import type { ZoomWebhookEnvelope } from "@/lib/zoom/webhook/schemas";

// Meeting and participant events: what Zoom sends and what it says about the participant.
// @see docs/protocols/zoom-webhooks.md#payloads

const PARTICIPANT_KINDS = {
  "meeting.participant_joined_waiting_room": ParticipantEventKind.WAITING_ROOM_JOINED,
  "meeting.participant_put_in_waiting_room": ParticipantEventKind.WAITING_ROOM_JOINED,
  "meeting.participant_left_waiting_room": ParticipantEventKind.WAITING_ROOM_LEFT,
  "meeting.participant_admitted": ParticipantEventKind.ADMITTED,
  "meeting.participant_joined": ParticipantEventKind.JOINED,
  "meeting.participant_left": ParticipantEventKind.LEFT,
} as const satisfies Record<string, ParticipantEventKind>;

const LIFECYCLE_EVENTS = new Set(["meeting.started", "meeting.ended"]);

type ParticipantEventName = keyof typeof PARTICIPANT_KINDS;

const isParticipantEvent = (event: string): event is ParticipantEventName =>
  Object.hasOwn(PARTICIPANT_KINDS, event);

/** Events this module applies to a visit; others are only stored. */
export const isMeetingEvent = (event: string): boolean =>
  LIFECYCLE_EVENTS.has(event) || isParticipantEvent(event);

const optionalText = (max: number) => z.string().max(max).nullish();
/** An ISO time PostgreSQL can store (years 1970 to 9999). */
const zoomTime = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    const ms = Date.parse(value);
    return ms >= 0 && ms <= 253_402_300_799_999;
  }, "Time out of range")
  .nullish();

/** A webhook's meeting id is a string of digits (REST's is a number): up to a 64-bit integer. */
const meetingNumber = z
  .string()
  .refine(
    (value) => /^\d{1,19}$/.test(value) && BigInt(value) <= 9_223_372_036_854_775_807n,
    "Meeting id must be a string of digits, at most a 64-bit integer",
  );

const participantSchema = z.object({
  user_id: optionalText(100),
  user_name: optionalText(500),
  id: optionalText(100),
  participant_uuid: optionalText(100),
  participant_user_id: optionalText(100),
  customer_key: optionalText(100),
  registrant_id: optionalText(100),
  email: z.string().max(320).nullish(),
  date_time: zoomTime,
  join_time: zoomTime,
  leave_time: zoomTime,
});

const meetingObjectSchema = z.object({
  id: meetingNumber,
  uuid: z.string().max(100).nullish(),
  host_id: optionalText(100),
});

const meetingPayloadSchema = z.object({
  account_id: z.string().min(1).max(100),
  object: meetingObjectSchema,
});

const participantPayloadSchema = z.object({
  account_id: z.string().min(1).max(100),
  object: meetingObjectSchema.extend({ participant: participantSchema }),
});

type ZoomParticipant = z.infer<typeof participantSchema>;

export type MeetingEventPayload =
  | { type: "lifecycle"; meetingId: bigint }
  | {
      type: "participant";
      meetingId: bigint;
      kind: ParticipantEventKind;
      occurredAt: Date;
      participant: ZoomParticipant;
    };

/** Validates a meeting or participant event's payload; the error lists the bad fields. */
export function parseMeetingEvent(
  envelope: ZoomWebhookEnvelope,
): { success: true; data: MeetingEventPayload } | { success: false; error: z.ZodError } {
  if (!isParticipantEvent(envelope.event)) {
    const parsed = meetingPayloadSchema.safeParse(envelope.payload);
    return parsed.success
      ? { success: true, data: { type: "lifecycle", meetingId: BigInt(parsed.data.object.id) } }
      : parsed;
  }
  const parsed = participantPayloadSchema.safeParse(envelope.payload);
  if (!parsed.success) return parsed;
  const { participant } = parsed.data.object;
  const time = participant.join_time ?? participant.leave_time ?? participant.date_time;
  return {
    success: true,
    data: {
      type: "participant",
      meetingId: BigInt(parsed.data.object.id),
      kind: PARTICIPANT_KINDS[envelope.event],
      occurredAt: time ? new Date(time) : new Date(envelope.event_ts),
      participant,
    },
  };
}

/** What a participant event tells about the person, for identifyParticipants. */
export function participantCluesOf(participant: ZoomParticipant) {
  return {
    ourUserId: participant.customer_key,
    customerKey: participant.customer_key,
    registrantId: participant.registrant_id,
    zoomUserId: participant.id || participant.participant_user_id,
    email: participant.email,
    participantUuid: participant.participant_uuid,
    joinId: participant.user_id,
    displayName: participant.user_name,
  };
}
