import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  ParticipantEventKind as Kind,
  ParticipantRole,
  PatientPresence,
  VisitStatus,
} from "@/generated/prisma/enums";
import {
  deriveVisitState,
  type ParticipantVisitEvent,
  type VisitEvent,
} from "@/lib/visits/attendance/visit-state";

const T0 = Date.parse("2026-11-23T15:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

function participant(
  key: string,
  role: ParticipantRole,
  kind: Kind,
  minute: number,
): ParticipantVisitEvent {
  return {
    type: "participant",
    kind,
    at: at(minute),
    participantKey: key,
    role,
    userId: key.startsWith("user:") ? key.slice(5) : null,
    guestId: null,
    zoomUserId: null,
    displayName: key,
  };
}

const patient = (kind: Kind, minute: number) =>
  participant("user:patient", ParticipantRole.PATIENT, kind, minute);
const provider = (kind: Kind, minute: number) =>
  participant("user:provider", ParticipantRole.PROVIDER, kind, minute);

/** A whole visit: the patient waits 4 minutes, the provider starts and admits, both leave, it ends. */
const VISIT: VisitEvent[] = [
  patient(Kind.WAITING_ROOM_JOINED, 1),
  { type: "meeting_started", at: at(5) },
  provider(Kind.JOINED, 5),
  patient(Kind.ADMITTED, 5),
  patient(Kind.JOINED, 5),
  patient(Kind.LEFT, 25),
  provider(Kind.LEFT, 26),
  { type: "meeting_ended", at: at(26) },
];

describe("deriveVisitState", () => {
  it("follows a visit from the waiting room to the end", () => {
    expect(deriveVisitState(VISIT.slice(0, 1))).toMatchObject({
      patientPresence: PatientPresence.WAITING,
      patientWaitingSince: at(1),
      isProviderPresent: false,
      status: VisitStatus.SCHEDULED,
    });
    expect(deriveVisitState(VISIT.slice(0, 5))).toMatchObject({
      patientPresence: PatientPresence.IN_MEETING,
      patientWaitingSince: null,
      isProviderPresent: true,
      status: VisitStatus.IN_PROGRESS,
      startedAt: at(5),
    });
    const end = deriveVisitState(VISIT);
    expect(end).toMatchObject({
      patientPresence: PatientPresence.LEFT,
      isProviderPresent: false,
      status: VisitStatus.ENDED,
      endedAt: at(26),
      providerJoinedAt: at(5),
    });
    expect(end.attendances).toEqual([
      expect.objectContaining({
        participantKey: "user:patient",
        sequence: 1,
        waitingRoomJoinedAt: at(1),
        joinedAt: at(5),
        leftAt: at(25),
      }),
      expect.objectContaining({
        participantKey: "user:provider",
        sequence: 1,
        waitingRoomJoinedAt: null,
        joinedAt: at(5),
        leftAt: at(26),
      }),
    ]);
  });

  it("gives the same state for any order of arrival and any duplicates", () => {
    const expected = deriveVisitState(VISIT);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(VISIT, { minLength: VISIT.length, maxLength: VISIT.length }),
        fc.array(fc.integer({ min: 0, max: VISIT.length - 1 }), { maxLength: 10 }),
        (shuffled, duplicates) => {
          const delivered = [...shuffled, ...duplicates.map((index) => VISIT[index] as VisitEvent)];
          expect(deriveVisitState(delivered)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("closes everyone's stay when the meeting ends before their leave event is sent", () => {
    const state = deriveVisitState([
      provider(Kind.JOINED, 0),
      patient(Kind.JOINED, 1),
      { type: "meeting_ended", at: at(20) },
      patient(Kind.LEFT, 21),
    ]);
    expect(state.attendances.map((session) => session.leftAt)).toEqual([at(20), at(20)]);
    expect(state.status).toBe(VisitStatus.ENDED);
  });

  it("starts a new stay when someone rejoins, and when the host puts them back in the waiting room", () => {
    const state = deriveVisitState([
      patient(Kind.JOINED, 0),
      patient(Kind.WAITING_ROOM_JOINED, 3),
      patient(Kind.ADMITTED, 4),
      patient(Kind.JOINED, 4),
      patient(Kind.LEFT, 10),
      patient(Kind.JOINED, 12),
    ]);
    expect(
      state.attendances.map(({ sequence, waitingRoomJoinedAt, joinedAt, leftAt }) => ({
        sequence,
        waitingRoomJoinedAt,
        joinedAt,
        leftAt,
      })),
    ).toEqual([
      { sequence: 1, waitingRoomJoinedAt: null, joinedAt: at(0), leftAt: at(3) },
      { sequence: 2, waitingRoomJoinedAt: at(3), joinedAt: at(4), leftAt: at(10) },
      { sequence: 3, waitingRoomJoinedAt: null, joinedAt: at(12), leftAt: null },
    ]);
    expect(state.patientPresence).toBe(PatientPresence.IN_MEETING);
  });

  it("counts an unidentified guest as the patient's side, and staff as neither", () => {
    const guest = participant(
      "zoom-participant:abc",
      ParticipantRole.UNKNOWN,
      Kind.WAITING_ROOM_JOINED,
      2,
    );
    const nurse = participant("user:nurse", ParticipantRole.STAFF, Kind.JOINED, 1);
    expect(deriveVisitState([nurse])).toMatchObject({
      patientPresence: PatientPresence.NOT_JOINED,
      isProviderPresent: false,
    });
    expect(deriveVisitState([nurse, guest])).toMatchObject({
      patientPresence: PatientPresence.WAITING,
      patientWaitingSince: at(2),
    });
  });

  it("learns who someone is from a later event of the same stay", () => {
    const anonymous = {
      ...patient(Kind.WAITING_ROOM_JOINED, 1),
      role: ParticipantRole.UNKNOWN,
      userId: null,
    };
    const state = deriveVisitState([anonymous, patient(Kind.JOINED, 2)]);
    expect(state.attendances).toEqual([
      expect.objectContaining({ role: ParticipantRole.PATIENT, userId: "patient" }),
    ]);
  });

  it("is not joined, and scheduled, with no events", () => {
    expect(deriveVisitState([])).toMatchObject({
      patientPresence: PatientPresence.NOT_JOINED,
      status: VisitStatus.SCHEDULED,
      attendances: [],
      lastEventAt: null,
    });
  });
});
