import { type Emulator } from "../emulator";
import { type Meeting } from "../state/meeting-schema";
import { type Caller } from "./bearer-auth";

// `{meetingId}` in a path: the meeting number. Anything else (a UUID, letters) is answered
// like an unknown number, 404 code 3001, which is what callers must handle anyway.

export function findCallerMeeting(
  emulator: Emulator,
  caller: Caller,
  rawId: string,
): Meeting | null {
  if (!/^\d{1,19}$/.test(rawId)) return null;
  const id = Number(rawId);
  return (
    emulator.state.meetings.find(
      (meeting) =>
        meeting.id === id && meeting.accountId === caller.account.id && meeting.deletedAt === null,
    ) ?? null
  );
}
