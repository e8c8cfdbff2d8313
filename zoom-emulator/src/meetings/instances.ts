import { type Emulator } from "../emulator";
import { newMeetingUuid } from "../ids";
import { type Meeting, type MeetingInstance, type Participant } from "../state/meeting-schema";

// A meeting number is reused; each time it runs is an instance with its own UUID. Past-meeting
// and report endpoints address instances by UUID, or the latest one by meeting number
// (zoom-rest.md#participant-reports).

let uuidSequence = 0;

export function newInstance(): MeetingInstance {
  return {
    uuid: newMeetingUuid(uuidSequence++),
    status: "waiting",
    startedAt: null,
    endedAt: null,
    participants: [],
  };
}

export function currentInstance(meeting: Meeting): MeetingInstance {
  const instance = meeting.instances.at(-1);
  if (!instance) throw new Error(`Meeting ${meeting.id} has no instance`);
  return instance;
}

// The instance people arrive in: the current one, or a fresh one after the last has finished.
export function openInstance(meeting: Meeting): MeetingInstance {
  const instance = currentInstance(meeting);
  if (instance.status !== "finished") return instance;
  const next = newInstance();
  meeting.instances.push(next);
  return next;
}

export function findMeeting(emulator: Emulator, meetingId: number): Meeting | null {
  return emulator.state.meetings.find((meeting) => meeting.id === meetingId) ?? null;
}

export function findPersonBySessionKey(
  emulator: Emulator,
  sessionKey: string,
): { meeting: Meeting; instance: MeetingInstance; person: Participant } | null {
  for (const meeting of emulator.state.meetings) {
    for (const instance of meeting.instances) {
      const person = instance.participants.find((candidate) => candidate.sessionKey === sessionKey);
      if (person) return { meeting, instance, person };
    }
  }
  return null;
}

// In-meeting user ids look like Zoom's ("16778240", then steps of 1024).
export function nextInMeetingUserId(meeting: Meeting): string {
  const userId = String(16778240 + meeting.nextUserSeq * 1024);
  meeting.nextUserSeq += 1;
  return userId;
}

export function isWaitingRoomOn(meeting: Meeting): boolean {
  return meeting.settings.waiting_room === true;
}

export function isJoinBeforeHostOn(meeting: Meeting): boolean {
  return meeting.settings.join_before_host === true;
}
