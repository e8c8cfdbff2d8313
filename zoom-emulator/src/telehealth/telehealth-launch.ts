import { type Emulator } from "../emulator";
import { createMeeting } from "../meetings/create-meeting";
import { findMeeting, openInstance } from "../meetings/instances";
import { arrive } from "../meetings/participant-moves";
import { findOrAddPerson } from "../meetings/people";
import { findOwner } from "../state/accounts";
import { type Meeting, type Participant } from "../state/meeting-schema";
import { createNotifier } from "../webhooks/notifier";
import { displayNameOf, type TelehealthParams } from "./telehealth-params";

// A decrypted telehealth launch: the meeting for `sessionid` is created on first use (an instant
// meeting hosted by the account owner, waiting room on) and reused afterwards. The provider
// (usertype 1) joins as host and starts it; the patient (usertype 2) goes to the waiting room.
// `customer_key` is the EMR user id, the SDK-style identifier these joins carry
// (zoom-webhooks.md#identifying-a-participant).

export type LaunchResult =
  { isLaunched: true; person: Participant } | { isLaunched: false; message: string };

function meetingForSession(emulator: Emulator, sessionId: string): Meeting | null {
  const { state } = emulator;
  const existingId = state.telehealthSessions[sessionId];
  const existing = existingId === undefined ? null : findMeeting(emulator, existingId);
  if (existing && existing.deletedAt === null) return existing;
  const accountId = state.registration.telehealth?.accountId;
  const account = accountId
    ? state.accounts.find((item) => item.id === accountId)
    : state.accounts[0];
  const owner = account ? findOwner(account) : null;
  if (!account || !owner) return null;
  const meeting = createMeeting(emulator, account, owner, {
    topic: "Telehealth visit",
    type: 1,
    startTime: emulator.now(),
    duration: 60,
    timezone: owner.timezone,
    agenda: "",
    settings: { waiting_room: true, join_before_host: false },
    recurrence: null,
    trackingFields: [],
  });
  state.telehealthSessions[sessionId] = meeting.id;
  emulator.changed();
  return meeting;
}

export async function launchTelehealth(
  emulator: Emulator,
  params: TelehealthParams,
): Promise<LaunchResult> {
  const meeting = meetingForSession(emulator, params.sessionid);
  if (!meeting)
    return { isLaunched: false, message: "The telehealth account has no owner to host meetings." };
  const isHost = params.usertype === "1";
  const instance = openInstance(meeting);
  const notifier = createNotifier(emulator);
  const person = findOrAddPerson(instance, {
    name: displayNameOf(params) || (isHost ? "Provider" : "Patient"),
    email: params.email ?? "",
    customerKey: params.userid,
    zoomUserId: isHost ? meeting.hostId : "",
    isHost,
    telehealth: { sessionId: params.sessionid, userId: params.userid },
  });
  // Opening the launch link again while present just returns to the same page.
  arrive({ emulator, notifier, meeting, instance }, person);
  emulator.changed();
  await notifier.settled();
  return { isLaunched: true, person };
}
