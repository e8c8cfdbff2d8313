import { ParticipantEventKind, ParticipantRole } from "@/generated/prisma/enums";
import type { AttendanceSession, ParticipantVisitEvent } from "@/lib/visits/attendance/visit-state";

// One person's way through a meeting (outside, waiting room, let in, in the meeting) and the stays
// it makes up: the attendance rows. Applied in event-time order by deriveVisitState. Pure: no I/O.

/** Where a person is: outside, in the waiting room, let in (not yet joined), or in the meeting. */
export type Place = "out" | "waiting" | "admitted" | "in";

/** One person of the meeting: where they are now, and their stays so far. */
export type Person = { place: Place; sessions: AttendanceSession[] };

export const newPerson = (): Person => ({ place: "out", sessions: [] });

function openSession(
  person: Person,
  event: ParticipantVisitEvent,
  field: "waitingRoomJoinedAt" | "joinedAt",
) {
  person.sessions.push({
    participantKey: event.participantKey,
    sequence: person.sessions.length + 1,
    role: event.role,
    userId: event.userId,
    guestId: event.guestId,
    zoomUserId: event.zoomUserId,
    displayName: event.displayName,
    waitingRoomJoinedAt: field === "waitingRoomJoinedAt" ? event.at : null,
    joinedAt: field === "joinedAt" ? event.at : null,
    leftAt: null,
  });
}

/** The person's latest stay. */
export function currentSession(person: Person): AttendanceSession | undefined {
  return person.sessions[person.sessions.length - 1];
}

/** One participant event applied to one person (a duplicate changes nothing). */
export function applyParticipantEvent(person: Person, event: ParticipantVisitEvent) {
  const session = currentSession(person);
  if (session) {
    // Later events may know more about who this is (a user id, a Zoom id, a role).
    session.userId ??= event.userId;
    session.guestId ??= event.guestId;
    session.zoomUserId ??= event.zoomUserId;
    session.displayName ??= event.displayName;
    if (session.role === ParticipantRole.UNKNOWN) session.role = event.role;
  }
  switch (event.kind) {
    case ParticipantEventKind.WAITING_ROOM_JOINED:
      if (person.place === "waiting") return;
      if (person.place === "in" && session) session.leftAt = event.at; // put back into the waiting room
      if (person.place !== "admitted") openSession(person, event, "waitingRoomJoinedAt");
      person.place = "waiting";
      return;
    case ParticipantEventKind.ADMITTED:
    case ParticipantEventKind.WAITING_ROOM_LEFT:
      if (person.place === "waiting") person.place = "admitted";
      return;
    case ParticipantEventKind.JOINED:
      if (person.place === "in") return;
      if (person.place === "out") openSession(person, event, "joinedAt");
      else if (session) session.joinedAt = event.at;
      person.place = "in";
      return;
    case ParticipantEventKind.LEFT:
      if (person.place === "out") return;
      if (session) session.leftAt = event.at;
      person.place = "out";
      return;
  }
}
