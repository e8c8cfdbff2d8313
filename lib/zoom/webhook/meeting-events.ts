import "server-only";

import { z } from "zod";

import { NotificationOutcome, ParticipantEventKind, VisitStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import {
  participantVisitSelect,
  recordParticipantEvent,
} from "@/lib/visits/record-participant-event";
import { lockVisit } from "@/lib/visits/lock-visit";
import { recomputeVisitState } from "@/lib/visits/recompute-visit-state";
import type { ZoomWebhookEnvelope } from "@/lib/zoom/webhook/schemas";

// Meeting and participant events: which visit they belong to and what they change.
// @see ../../../../shared/docs/zoom-protocols.md §2.5

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

export type MeetingEventPayload =
  | { type: "lifecycle"; meetingId: bigint }
  | {
      type: "participant";
      meetingId: bigint;
      kind: ParticipantEventKind;
      occurredAt: Date;
      participant: z.infer<typeof participantSchema>;
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

export type MeetingEventResult = { outcome: NotificationOutcome; visitId: string | null };

/**
 * Applies a stored meeting or participant event to the visit whose Zoom meeting it is. Events of
 * meetings we do not know (another app's, or deleted visits') are kept as UNMATCHED. The caller
 * records the returned visit id on the notification.
 */
export async function applyMeetingEvent(
  tx: Tx,
  input: { organizationId: string | null; notificationId: bigint; payload: MeetingEventPayload },
): Promise<MeetingEventResult> {
  const { organizationId, notificationId, payload } = input;
  if (!organizationId) return { outcome: NotificationOutcome.UNMATCHED, visitId: null };
  const visit = await tx.visit.findFirst({
    where: { organizationId, zoomMeetingId: payload.meetingId },
    orderBy: { createdAt: "desc" },
    select: participantVisitSelect,
  });
  const status = visit ? await lockVisit(tx, visit.id) : null;
  if (!visit || status === null) return { outcome: NotificationOutcome.UNMATCHED, visitId: null };
  if (status === VisitStatus.CANCELLED)
    return { outcome: NotificationOutcome.IGNORED, visitId: visit.id };
  if (payload.type === "lifecycle") {
    // The derivation reads lifecycle events from their notifications: this one must name its visit.
    await tx.inboundNotification.update({
      where: { id: notificationId },
      data: { visitId: visit.id },
      select: { id: true },
    });
    await recomputeVisitState(tx, visit.id);
  } else {
    const { participant } = payload;
    await recordParticipantEvent(tx, {
      visit,
      notificationId,
      kind: payload.kind,
      occurredAt: payload.occurredAt,
      clues: {
        ourUserId: participant.customer_key,
        customerKey: participant.customer_key,
        registrantId: participant.registrant_id,
        zoomUserId: participant.id || participant.participant_user_id,
        email: participant.email,
        participantUuid: participant.participant_uuid,
        joinId: participant.user_id,
        displayName: participant.user_name,
      },
    });
  }
  return { outcome: NotificationOutcome.APPLIED, visitId: visit.id };
}
