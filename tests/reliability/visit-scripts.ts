import { ParticipantEventKind, type ParticipantRole } from "@/generated/prisma/enums";
import {
  deriveVisitState,
  type VisitEvent,
  type VisitState,
} from "@/lib/visits/attendance/visit-state";

import type { SeededRandom } from "./seeded-random";
import type { ZoomEnvelope } from "./zoom-deliveries";

// Realistic Zoom meeting and participant events for one visit, with increasing event times, and
// the state the app should derive from them. Pure: the tests post the events, then compare what
// the app stored with deriveVisitState applied to the same events.
// @see docs/protocols/zoom-webhooks.md#payloads
// @see docs/protocols/zoom-webhooks.md#identifying-a-participant

export const MEETING_STARTED = "meeting.started";
export const MEETING_ENDED = "meeting.ended";

/**
 * The participant events the app applies, and what each means
 * (docs/protocols/zoom-webhooks.md#payloads).
 */
export const PARTICIPANT_EVENT_KINDS = {
  "meeting.participant_joined_waiting_room": ParticipantEventKind.WAITING_ROOM_JOINED,
  "meeting.participant_put_in_waiting_room": ParticipantEventKind.WAITING_ROOM_JOINED,
  "meeting.participant_left_waiting_room": ParticipantEventKind.WAITING_ROOM_LEFT,
  "meeting.participant_admitted": ParticipantEventKind.ADMITTED,
  "meeting.participant_joined": ParticipantEventKind.JOINED,
  "meeting.participant_left": ParticipantEventKind.LEFT,
} as const;

export type ParticipantEventName = keyof typeof PARTICIPANT_EVENT_KINDS;
export type MeetingEventName = typeof MEETING_STARTED | typeof MEETING_ENDED | ParticipantEventName;

/** One of our users as they appear in a meeting. */
export type CastMember = {
  userId: string;
  /** The role the app should give them in this visit. */
  role: ParticipantRole;
  name: string;
  email: string;
  /** How the webhook names them: by our user id in `customer_key`, or only by email. */
  identifiedBy: "customer_key" | "email";
  /** Zoom's user id (`participant.id`): the host's for the provider, "" for a guest. */
  zoomUserId: string;
  /** Zoom's stable per-meeting participant id. */
  participantUuid: string;
};

export type MeetingRef = {
  accountId: string;
  meetingId: string;
  meetingUuid: string;
  hostId: string;
};

export type ScriptEvent = {
  event: MeetingEventName;
  /** Event time, epoch milliseconds. */
  at: number;
  member: CastMember | null;
};

export const isParticipantEventName = (event: string): event is ParticipantEventName =>
  Object.hasOwn(PARTICIPANT_EVENT_KINDS, event);

/** The `participant` object of a participant event (docs/protocols/zoom-webhooks.md#payloads). */
function participantObject(
  event: ParticipantEventName,
  member: CastMember,
  at: number,
  joinId: string,
) {
  const time = new Date(at).toISOString();
  const timeField =
    event === "meeting.participant_joined"
      ? { join_time: time }
      : event === "meeting.participant_left"
        ? { leave_time: time, leave_reason: "left the meeting" }
        : { date_time: time };
  return {
    user_id: joinId,
    user_name: member.name,
    id: member.zoomUserId,
    participant_uuid: member.participantUuid,
    email: member.email,
    ...(member.identifiedBy === "customer_key" ? { customer_key: member.userId } : {}),
    ...timeField,
  };
}

/** The webhook body of one script event. `event_ts` is the event time. */
export function toEnvelope(meeting: MeetingRef, scripted: ScriptEvent): ZoomEnvelope {
  const object = {
    id: meeting.meetingId,
    uuid: meeting.meetingUuid,
    host_id: meeting.hostId,
    topic: "Video visit",
    type: 2,
    duration: 30,
    timezone: "UTC",
  };
  const { event, at, member } = scripted;
  if (!isParticipantEventName(event)) {
    const time = new Date(at).toISOString();
    const times =
      event === MEETING_ENDED ? { start_time: time, end_time: time } : { start_time: time };
    return {
      event,
      event_ts: at,
      payload: { account_id: meeting.accountId, object: { ...object, ...times } },
    };
  }
  if (!member) throw new Error(`${event} needs a participant`);
  const joinId = String(16_778_240 + (at % 100_000));
  return {
    event,
    event_ts: at,
    payload: {
      account_id: meeting.accountId,
      object: { ...object, participant: participantObject(event, member, at, joinId) },
    },
  };
}

type Place = "out" | "waiting" | "admitted" | "in";

export type VisitScriptOptions = {
  /** Epoch milliseconds of the first event. */
  startsAt: number;
  /** How many events at least (the meeting's end and the last leaves may add a few more). */
  size: number;
  members: CastMember[];
  providerIndex: number;
};

/**
 * A visit as Zoom reports it: the patient often waits before the host starts the meeting; people
 * join directly or through the waiting room, get admitted, leave, rejoin, are put back into the
 * waiting room; the host sometimes ends and restarts the meeting; Zoom sends the last leave events
 * after `meeting.ended`; a few visits never end, and a few never get a `meeting.started`.
 * Event times strictly increase.
 */
export function generateVisitScript(
  random: SeededRandom,
  options: VisitScriptOptions,
): ScriptEvent[] {
  const { members, providerIndex } = options;
  const events: ScriptEvent[] = [];
  const places: Place[] = members.map(() => "out");
  let at = options.startsAt;
  const emit = (event: MeetingEventName, index: number | null) => {
    at += random.int(250, 45_000);
    events.push({ event, at, member: index === null ? null : (members[index] ?? null) });
  };
  const leaveAfterEnd = () => {
    places.forEach((place, index) => {
      if (place !== "out" && random.chance(0.8)) emit("meeting.participant_left", index);
      places[index] = "out";
    });
  };
  const patientIndex = providerIndex === 0 ? 1 : 0;

  if (random.chance(0.6)) {
    emit("meeting.participant_joined_waiting_room", patientIndex);
    places[patientIndex] = "waiting";
  }
  if (random.chance(0.95)) emit(MEETING_STARTED, null);
  emit("meeting.participant_joined", providerIndex);
  places[providerIndex] = "in";

  while (events.length < options.size) {
    if (random.chance(0.01)) {
      emit(MEETING_ENDED, null);
      leaveAfterEnd();
      emit(MEETING_STARTED, null);
      continue;
    }
    const index = random.int(0, members.length - 1);
    const isProvider = index === providerIndex;
    switch (places[index]) {
      case "out":
        if (!isProvider && random.chance(0.65)) {
          emit("meeting.participant_joined_waiting_room", index);
          places[index] = "waiting";
        } else {
          emit("meeting.participant_joined", index);
          places[index] = "in";
        }
        break;
      case "waiting":
        if (random.chance(0.8)) {
          emit("meeting.participant_admitted", index);
          emit("meeting.participant_left_waiting_room", index);
          places[index] = "admitted";
        } else {
          emit("meeting.participant_left_waiting_room", index); // gave up waiting
          places[index] = "out";
        }
        break;
      case "admitted":
        emit("meeting.participant_joined", index);
        places[index] = "in";
        break;
      case "in":
      default:
        if (!isProvider && random.chance(0.2)) {
          emit("meeting.participant_put_in_waiting_room", index);
          places[index] = "waiting";
        } else if (random.chance(0.6)) {
          emit("meeting.participant_left", index);
          places[index] = "out";
        }
        break;
    }
  }
  if (random.chance(0.9)) {
    emit(MEETING_ENDED, null);
    leaveAfterEnd();
  }
  return events;
}

/** A script event as the app records it, for people it matches to our users (`user:{id}`). */
export function toVisitEvent(scripted: ScriptEvent): VisitEvent {
  const at = new Date(scripted.at);
  if (scripted.event === MEETING_STARTED) return { type: "meeting_started", at };
  if (scripted.event === MEETING_ENDED) return { type: "meeting_ended", at };
  const { member } = scripted;
  if (!member) throw new Error(`${scripted.event} needs a participant`);
  return {
    type: "participant",
    kind: PARTICIPANT_EVENT_KINDS[scripted.event],
    at,
    participantKey: `user:${member.userId}`,
    role: member.role,
    userId: member.userId,
    guestId: null,
    zoomUserId: member.zoomUserId || null,
    displayName: member.name,
  };
}

/** What the visit's stored state must be once all these (unique) events are applied. */
export function expectedVisitState(events: ScriptEvent[]): VisitState {
  return deriveVisitState(events.map(toVisitEvent));
}
