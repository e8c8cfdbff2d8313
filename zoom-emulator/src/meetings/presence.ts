import { type Emulator } from "../emulator";
import { type Meeting, type MeetingInstance, type Participant } from "../state/meeting-schema";
import { type Notifier } from "../webhooks/notifier";
import { nextInMeetingUserId } from "./instances";

// The low-level moves: into the waiting room, into the meeting, out. Each records a stint (a row
// of the participants report) and emits the matching webhook.

export interface MoveContext {
  emulator: Emulator;
  notifier: Notifier;
  meeting: Meeting;
  instance: MeetingInstance;
}

function closeStint(person: Participant, at: number) {
  const open = person.stints.at(-1);
  if (open && open.to === null) open.to = at;
}

function arriveIfAbsent({ meeting, notifier }: MoveContext, person: Participant) {
  if (person.place !== "left") return;
  person.userId = nextInMeetingUserId(meeting);
  notifier.connectionStatus(person, "joined");
}

export function putInWaitingRoom(context: MoveContext, person: Participant) {
  const at = context.emulator.now();
  arriveIfAbsent(context, person);
  person.place = "waiting_room";
  person.stints.push({ userId: person.userId, place: "waiting_room", from: at, to: null });
  const { notifier, meeting, instance } = context;
  notifier.participantEvent("meeting.participant_joined_waiting_room", meeting, instance, person, {
    at,
  });
}

// Joining before the host when join-before-host is off: no webhook, the page just waits.
export function putWaitingForHost(context: MoveContext, person: Participant) {
  arriveIfAbsent(context, person);
  person.place = "waiting_for_host";
}

export function putInMeeting(context: MoveContext, person: Participant) {
  const at = context.emulator.now();
  arriveIfAbsent(context, person);
  closeStint(person, at);
  person.place = "meeting";
  person.stints.push({ userId: person.userId, place: "meeting", from: at, to: null });
  const { notifier, meeting, instance } = context;
  notifier.participantEvent("meeting.participant_joined", meeting, instance, person, { at });
}

export function takeOut(context: MoveContext, person: Participant, leaveReason?: string) {
  const at = context.emulator.now();
  const { notifier, meeting, instance } = context;
  closeStint(person, at);
  if (person.place === "waiting_room") {
    notifier.participantEvent("meeting.participant_left_waiting_room", meeting, instance, person, {
      at,
    });
  } else if (person.place === "meeting") {
    notifier.participantEvent("meeting.participant_left", meeting, instance, person, {
      at,
      leaveReason,
    });
  }
  if (person.place !== "left") notifier.connectionStatus(person, "left");
  person.place = "left";
}
