import { type Emulator } from "../emulator";
import { type Meeting, type MeetingInstance } from "../state/meeting-schema";
import { type Caller } from "./bearer-auth";

// `{meetingUUID}` / `{meetingId}` of the past-meeting and report endpoints: a UUID addresses one
// instance; a meeting number addresses its latest instance that has started
// (zoom-rest.md#participant-reports).
//
// UUIDs that start with "/" or contain "//" must be double URL-encoded: Zoom's servers decode
// the path before routing, and a single-encoded "/" collapses there. So a value that still
// starts with "/" or contains "//" after one decoding is not found, while a double-encoded one
// (still holding "%" after one decoding) is decoded again.

function decodeUuid(onceDecoded: string): string | null {
  if (onceDecoded.includes("%")) {
    try {
      return decodeURIComponent(onceDecoded);
    } catch {
      return null;
    }
  }
  if (onceDecoded.startsWith("/") || onceDecoded.includes("//")) return null;
  return onceDecoded;
}

function latestStarted(meeting: Meeting): MeetingInstance | null {
  return meeting.instances.findLast((instance) => instance.startedAt !== null) ?? null;
}

export function findCallerInstance(
  emulator: Emulator,
  caller: Caller,
  param: string,
): MeetingInstance | null {
  const ownMeetings = emulator.state.meetings.filter(
    (meeting) => meeting.accountId === caller.account.id,
  );
  if (/^\d{1,19}$/.test(param)) {
    const meeting = ownMeetings.find((candidate) => candidate.id === Number(param));
    return meeting ? latestStarted(meeting) : null;
  }
  const uuid = decodeUuid(param);
  if (uuid === null) return null;
  for (const meeting of ownMeetings) {
    const instance = meeting.instances.find((candidate) => candidate.uuid === uuid);
    if (instance) return instance.startedAt === null ? null : instance;
  }
  return null;
}
