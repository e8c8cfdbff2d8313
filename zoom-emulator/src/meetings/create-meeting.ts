import { type Emulator } from "../emulator";
import { newDigits, newMeetingNumber } from "../ids";
import { type ZoomAccount, type ZoomUser } from "../state/account-schema";
import { type JsonValue } from "../state/json";
import { type Meeting } from "../state/meeting-schema";
import { DEFAULT_MEETING_SETTINGS } from "./default-settings";
import { newInstance } from "./instances";
import { buildPasscodes } from "./passcodes";

// Creates a meeting for a host: from POST /users/{userId}/meetings and from telehealth launches.

export interface NewMeeting {
  topic: string;
  type: number;
  startTime: number | null;
  duration: number;
  timezone: string;
  agenda: string;
  // Undefined: generate a passcode. "": no passcode.
  password?: string;
  settings: Record<string, JsonValue>;
  recurrence: JsonValue | null;
  trackingFields: JsonValue[];
}

export function createMeeting(
  emulator: Emulator,
  account: ZoomAccount,
  host: ZoomUser,
  input: NewMeeting,
): Meeting {
  const { state } = emulator;
  const meeting: Meeting = {
    id: newMeetingNumber((id) => state.meetings.some((existing) => existing.id === id)),
    accountId: account.id,
    hostId: host.id,
    topic: input.topic,
    type: input.type,
    startTime: input.startTime,
    duration: input.duration,
    timezone: input.timezone,
    agenda: input.agenda,
    ...buildPasscodes(input.password ?? newDigits(6)),
    settings: { ...DEFAULT_MEETING_SETTINGS, ...input.settings },
    recurrence: input.recurrence,
    trackingFields: input.trackingFields,
    createdAt: emulator.now(),
    deletedAt: null,
    nextUserSeq: 0,
    instances: [newInstance()],
    registrants: [],
  };
  state.meetings.push(meeting);
  emulator.changed();
  return meeting;
}

export function buildJoinUrl(emulator: Emulator, meeting: Meeting): string {
  const base = `${emulator.config.publicUrl}/j/${meeting.id}`;
  return meeting.encryptedPassword === "" ? base : `${base}?pwd=${meeting.encryptedPassword}`;
}

export function buildStartUrl(emulator: Emulator, meeting: Meeting, host: ZoomUser): string {
  return `${emulator.config.publicUrl}/s/${meeting.id}?zak=${host.zak}`;
}
