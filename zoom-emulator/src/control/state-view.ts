import { type Emulator } from "../emulator";
import { buildJoinUrl } from "../meetings/create-meeting";
import { currentInstance } from "../meetings/instances";
import { type Meeting } from "../state/meeting-schema";

// GET /_emulator/state: what tests assert on. Secrets (zak, tokens, passcode hashes) stay out.

function viewMeeting(emulator: Emulator, meeting: Meeting) {
  return {
    id: meeting.id,
    uuid: currentInstance(meeting).uuid,
    accountId: meeting.accountId,
    hostId: meeting.hostId,
    topic: meeting.topic,
    type: meeting.type,
    status: currentInstance(meeting).status,
    isDeleted: meeting.deletedAt !== null,
    joinUrl: buildJoinUrl(emulator, meeting),
    password: meeting.password,
    settings: meeting.settings,
    registrants: meeting.registrants.map(({ token: _token, ...registrant }) => registrant),
    instances: meeting.instances.map((instance) => ({
      uuid: instance.uuid,
      status: instance.status,
      startedAt: instance.startedAt === null ? null : new Date(instance.startedAt).toISOString(),
      endedAt: instance.endedAt === null ? null : new Date(instance.endedAt).toISOString(),
      participants: instance.participants.map(({ sessionKey: _sessionKey, ...person }) => person),
    })),
  };
}

export function buildStateView(emulator: Emulator) {
  const { state } = emulator;
  return {
    now: new Date(emulator.now()).toISOString(),
    accounts: state.accounts.map((account) => ({
      id: account.id,
      name: account.name,
      accountNumber: account.accountNumber,
      isAppInstalled: state.installations.some((item) => item.accountId === account.id),
      users: account.users.map(({ zak: _zak, ...user }) => user),
    })),
    meetings: state.meetings.map((meeting) => viewMeeting(emulator, meeting)),
    stats: state.stats,
    complianceCalls: state.complianceCalls,
    telehealthSessions: state.telehealthSessions,
    faults: state.faults,
  };
}
