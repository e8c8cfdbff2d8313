import { type Participant } from "../state/meeting-schema";
import { isJoinBeforeHostOn, isWaitingRoomOn } from "./instances";
import { endMeeting, startMeeting } from "./meeting-lifecycle";
import {
  type MoveContext,
  putInMeeting,
  putInWaitingRoom,
  putWaitingForHost,
  takeOut,
} from "./presence";

// What happens when someone opens a join link, is admitted, or leaves: the rules of the
// web-client stand-in and the telehealth launch.

export class MoveConflictError extends Error {}

// A host starts the meeting; others go to the waiting room when it is on, straight in when the
// meeting runs (or join-before-host lets them start it), else they wait for the host.
export function arrive(context: MoveContext, person: Participant) {
  const { meeting, instance } = context;
  if (person.place === "meeting" || person.place === "waiting_room") return;
  if (person.isHost) {
    if (instance.status !== "started") startMeeting(context);
    putInMeeting(context, person);
  } else if (isWaitingRoomOn(meeting)) {
    putInWaitingRoom(context, person);
  } else if (instance.status === "started") {
    putInMeeting(context, person);
  } else if (isJoinBeforeHostOn(meeting)) {
    startMeeting(context);
    putInMeeting(context, person);
  } else {
    putWaitingForHost(context, person);
  }
}

export function admit(context: MoveContext, person: Participant) {
  if (person.place !== "waiting_room") {
    throw new MoveConflictError("Only a person in the waiting room can be admitted.");
  }
  const at = context.emulator.now();
  const { notifier, meeting, instance } = context;
  notifier.participantEvent("meeting.participant_admitted", meeting, instance, person, { at });
  putInMeeting(context, person);
}

export function leave(context: MoveContext, person: Participant) {
  if (person.place === "left") throw new MoveConflictError("This person is not in the meeting.");
  takeOut(context, person);
}

// Zoom ends a meeting when its last participant leaves. The web client does this; the control
// API does not, so a test decides when its simulated meeting ends.
export function endIfEmpty(context: MoveContext) {
  const { instance } = context;
  const isEmpty = !instance.participants.some((other) => other.place === "meeting");
  if (instance.status === "started" && isEmpty) endMeeting(context);
}
