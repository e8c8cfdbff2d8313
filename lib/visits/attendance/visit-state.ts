import {
  ParticipantEventKind,
  ParticipantRole,
  PatientPresence,
  VisitStatus,
} from "@/generated/prisma/enums";
import {
  applyParticipantEvent,
  currentSession,
  newPerson,
  type Person,
} from "@/lib/visits/attendance/attendance-sessions";

// A visit's live state, derived from everything Zoom (or the telehealth notifier) told us, in the
// sender's event-time order, never "last write wins": duplicates and deliveries out of order end
// in the same state. Pure: no I/O.

/** The Zoom events that start and end a meeting, as InboundNotification.eventType stores them. */
export const MEETING_STARTED = "meeting.started";
export const MEETING_ENDED = "meeting.ended";

export type LifecycleEvent =
  { type: "meeting_started"; at: Date } | { type: "meeting_ended"; at: Date };

export type ParticipantVisitEvent = {
  type: "participant";
  kind: ParticipantEventKind;
  at: Date;
  participantKey: string;
  role: ParticipantRole;
  userId: string | null;
  guestId: string | null;
  zoomUserId: string | null;
  displayName: string | null;
};

export type VisitEvent = LifecycleEvent | ParticipantVisitEvent;

export type AttendanceSession = {
  participantKey: string;
  sequence: number;
  role: ParticipantRole;
  userId: string | null;
  guestId: string | null;
  zoomUserId: string | null;
  displayName: string | null;
  waitingRoomJoinedAt: Date | null;
  joinedAt: Date | null;
  leftAt: Date | null;
};

export type VisitState = {
  status: VisitStatus;
  startedAt: Date | null;
  endedAt: Date | null;
  patientPresence: PatientPresence;
  patientWaitingSince: Date | null;
  isProviderPresent: boolean;
  providerJoinedAt: Date | null;
  lastEventAt: Date | null;
  attendances: AttendanceSession[];
};

/** For events at the same instant: the order in which they must have happened. */
const ORDER: Record<ParticipantEventKind | LifecycleEvent["type"], number> = {
  meeting_started: 0,
  [ParticipantEventKind.WAITING_ROOM_JOINED]: 1,
  [ParticipantEventKind.ADMITTED]: 2,
  [ParticipantEventKind.WAITING_ROOM_LEFT]: 3,
  [ParticipantEventKind.JOINED]: 4,
  [ParticipantEventKind.LEFT]: 5,
  meeting_ended: 6,
};

const orderOf = (event: VisitEvent) =>
  event.type === "participant" ? ORDER[event.kind] : ORDER[event.type];

export function sortVisitEvents(events: VisitEvent[]): VisitEvent[] {
  return [...events].sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      orderOf(a) - orderOf(b) ||
      keyOf(a).localeCompare(keyOf(b)),
  );
}

function keyOf(event: VisitEvent): string {
  return event.type === "participant" ? event.participantKey : "";
}

const isPatientSide = (role: ParticipantRole) =>
  role === ParticipantRole.PATIENT || role === ParticipantRole.UNKNOWN;

export function deriveVisitState(events: VisitEvent[]): VisitState {
  const people = new Map<string, Person>();
  let startedAt: Date | null = null;
  let endedAt: Date | null = null;
  let isRunning = false;
  let lastEventAt: Date | null = null;
  for (const event of sortVisitEvents(events)) {
    lastEventAt = event.at;
    if (event.type === "meeting_started") {
      startedAt ??= event.at;
      isRunning = true;
      endedAt = null;
      continue;
    }
    if (event.type === "meeting_ended") {
      endedAt = event.at;
      isRunning = false;
      // Everyone still there left when the meeting ended, whatever leave events say later.
      for (const person of people.values()) {
        const session = currentSession(person);
        if (person.place !== "out" && session) session.leftAt = event.at;
        person.place = "out";
      }
      continue;
    }
    const person = people.get(event.participantKey) ?? newPerson();
    people.set(event.participantKey, person);
    if (endedAt && !isRunning) continue; // late leave events of an ended meeting change nothing
    applyParticipantEvent(person, event);
    if (event.kind === ParticipantEventKind.JOINED) startedAt ??= event.at;
  }

  const everyone = [...people.values()];
  const patients = everyone.filter((person) =>
    person.sessions.some((session) => isPatientSide(session.role)),
  );
  const providers = everyone.filter((person) =>
    person.sessions.some((session) => session.role === ParticipantRole.PROVIDER),
  );
  const waiting = patients.filter(
    (person) => person.place === "waiting" || person.place === "admitted",
  );
  const patientPresence = patients.some((person) => person.place === "in")
    ? PatientPresence.IN_MEETING
    : waiting.length > 0
      ? PatientPresence.WAITING
      : patients.length > 0
        ? PatientPresence.LEFT
        : PatientPresence.NOT_JOINED;
  const waitingSince = waiting
    .map((person) => currentSession(person)?.waitingRoomJoinedAt?.getTime())
    .filter((time): time is number => time !== undefined);
  const providerJoins = providers
    .flatMap((person) => person.sessions.map((session) => session.joinedAt?.getTime()))
    .filter((time): time is number => time !== undefined);
  return {
    status: endedAt
      ? VisitStatus.ENDED
      : startedAt
        ? VisitStatus.IN_PROGRESS
        : VisitStatus.SCHEDULED,
    startedAt,
    endedAt,
    patientPresence,
    patientWaitingSince:
      patientPresence === PatientPresence.WAITING && waitingSince.length > 0
        ? new Date(Math.min(...waitingSince))
        : null,
    isProviderPresent: providers.some((person) => person.place === "in"),
    providerJoinedAt: providerJoins.length > 0 ? new Date(Math.min(...providerJoins)) : null,
    lastEventAt,
    attendances: everyone.flatMap((person) => person.sessions),
  };
}
