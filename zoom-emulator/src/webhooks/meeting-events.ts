import { type Meeting, type MeetingInstance, type Participant } from "../state/meeting-schema";
import { formatZoomTime } from "../zoom-time";

// Payloads of the meeting and participant events, field for field as in Zoom's generated types.
// `object.id` is a STRING here although REST returns a number (zoom-rest.md#meeting-ids).
// @see docs/protocols/zoom-webhooks.md#payloads

export type MeetingEventName = "meeting.started" | "meeting.ended";
export type ParticipantEventName =
  | "meeting.participant_joined_waiting_room"
  | "meeting.participant_left_waiting_room"
  | "meeting.participant_admitted"
  | "meeting.participant_joined"
  | "meeting.participant_left";

export function buildMeetingObject(meeting: Meeting, instance: MeetingInstance) {
  const startTime = instance.startedAt ?? meeting.startTime ?? meeting.createdAt;
  return {
    id: String(meeting.id),
    uuid: instance.uuid,
    host_id: meeting.hostId,
    topic: meeting.topic,
    type: meeting.type,
    start_time: formatZoomTime(startTime),
    timezone: meeting.timezone,
    duration: meeting.duration,
  };
}

function optionalIds(person: Participant) {
  return {
    ...(person.registrantId === "" ? {} : { registrant_id: person.registrantId }),
    ...(person.customerKey === "" ? {} : { customer_key: person.customerKey }),
  };
}

function identity(person: Participant) {
  return {
    user_id: person.userId,
    user_name: person.name,
    id: person.zoomUserId,
    participant_uuid: person.participantUuid,
  };
}

function participantUserId(person: Participant) {
  return person.zoomUserId === "" ? {} : { participant_user_id: person.zoomUserId };
}

export interface ParticipantEventTimes {
  at: number;
  // Set for `meeting.participant_left`; Zoom words it "left the meeting. Reason : …".
  leaveReason?: string;
}

export function buildParticipantFields(
  event: ParticipantEventName,
  person: Participant,
  { at, leaveReason }: ParticipantEventTimes,
) {
  const time = formatZoomTime(at);
  switch (event) {
    case "meeting.participant_joined":
      return {
        ...identity(person),
        join_time: time,
        email: person.email,
        ...participantUserId(person),
        ...optionalIds(person),
      };
    case "meeting.participant_left":
      return {
        ...identity(person),
        leave_time: time,
        email: person.email,
        ...participantUserId(person),
        ...optionalIds(person),
        leave_reason: leaveReason ?? "left the meeting. Reason : left the meeting",
      };
    case "meeting.participant_admitted":
      return { ...identity(person), date_time: time, email: person.email, ...optionalIds(person) };
    case "meeting.participant_joined_waiting_room":
    case "meeting.participant_left_waiting_room":
      return {
        ...identity(person),
        date_time: time,
        email: person.email,
        ...participantUserId(person),
        ...optionalIds(person),
      };
  }
}
