import { ParticipantRole, Role, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import type { VisitState } from "@/lib/visits/attendance/visit-state";
import { createPatient, createUser } from "@/prisma/factories";

import type { SeededRandom } from "./seeded-random";
import type { CastMember, MeetingRef } from "./visit-scripts";

// Visits with Zoom meetings, inserted directly (no Zoom call), and the part of a visit that
// inbound notifications change, read back in a shape that compares with deriveVisitState.

type Person = { id: string; email: string; firstName: string; lastName: string };

export type MeetingVisit = {
  id: string;
  meeting: MeetingRef;
  /** Patient, provider, and sometimes a staff member, in that order. */
  members: CastMember[];
  providerIndex: number;
};

export type CreateMeetingVisitsOptions = {
  organizationId: string;
  zoomAccountId: string;
  /** Another member of the organization who sometimes joins (an admin, a nurse). */
  staff: Person;
  count: number;
  random: SeededRandom;
  /** First meeting number; visit i gets `firstMeetingId + i`. */
  firstMeetingId?: bigint;
};

const nameOf = (person: Person) => `${person.firstName} ${person.lastName}`;

/**
 * `count` visits of one organization, spread over 20 new patients and 4 new providers, each with a
 * Zoom meeting number and host id, and the people who will join it. Webhooks name the provider by
 * `customer_key` (our user id), the staff member only by email, the patient by either.
 */
export async function createMeetingVisits(
  options: CreateMeetingVisitsOptions,
): Promise<MeetingVisit[]> {
  const { organizationId, random } = options;
  const providers: Person[] = [];
  for (let i = 0; i < 4; i++)
    providers.push(await createUser(db, { organizationId, role: Role.CARE_TEAM, password: null }));
  const patients: { user: Person; subject: { id: string } }[] = [];
  for (let i = 0; i < 20; i++)
    patients.push(await createPatient(db, { organizationId, password: null }));

  const visits: MeetingVisit[] = [];
  const firstMeetingId = options.firstMeetingId ?? 84_100_000_000n;
  for (let i = 0; i < options.count; i++) {
    const { user: patient, subject } = patients[i % patients.length] as (typeof patients)[number];
    const providerNumber = i % providers.length;
    const provider = providers[providerNumber] as Person;
    const hostId = `zoom-host-${providerNumber}-${random.hex(6)}`;
    const meetingId = firstMeetingId + BigInt(i);
    const meetingUuid = `${random.hex(22)}==`;
    const visit = await db.visit.create({
      data: {
        organizationId,
        subjectId: subject.id,
        providerId: provider.id,
        createdById: provider.id,
        scheduledStart: new Date(Date.UTC(2026, 2, 2, 14) + i * 3_600_000),
        durationMinutes: 30,
        status: VisitStatus.SCHEDULED,
        zoomMeetingId: meetingId,
        zoomMeetingUuid: meetingUuid,
        zoomHostId: hostId,
      },
      select: { id: true },
    });
    const member = (
      person: Person,
      role: ParticipantRole,
      identifiedBy: CastMember["identifiedBy"],
      zoomUserId = "",
    ): CastMember => ({
      userId: person.id,
      role,
      name: nameOf(person),
      email: person.email,
      identifiedBy,
      zoomUserId,
      participantUuid: [8, 4, 4, 4, 12]
        .map((length) => random.hex(length))
        .join("-")
        .toUpperCase(),
    });
    const members = [
      member(patient, ParticipantRole.PATIENT, random.chance(0.7) ? "customer_key" : "email"),
      member(provider, ParticipantRole.PROVIDER, "customer_key", hostId),
    ];
    if (random.chance(0.5)) members.push(member(options.staff, ParticipantRole.STAFF, "email"));
    visits.push({
      id: visit.id,
      meeting: {
        accountId: options.zoomAccountId,
        meetingId: String(meetingId),
        meetingUuid,
        hostId,
      },
      members,
      providerIndex: 1,
    });
  }
  return visits;
}

const attendanceSelect = {
  participantKey: true,
  sequence: true,
  role: true,
  userId: true,
  guestId: true,
  zoomUserId: true,
  displayName: true,
  waitingRoomJoinedAt: true,
  joinedAt: true,
  leftAt: true,
} as const;

/** The live state of a visit, as stored. */
export async function readVisitState(visitId: string) {
  const visit = await db.visit.findUniqueOrThrow({
    where: { id: visitId },
    select: {
      status: true,
      startedAt: true,
      endedAt: true,
      patientPresence: true,
      patientWaitingSince: true,
      isProviderPresent: true,
      providerJoinedAt: true,
      lastEventAt: true,
      attendances: {
        orderBy: [{ participantKey: "asc" }, { sequence: "asc" }],
        select: attendanceSelect,
      },
    },
  });
  return visit;
}

/** deriveVisitState's answer in the shape of readVisitState. */
export function asStoredState(state: VisitState): Awaited<ReturnType<typeof readVisitState>> {
  const { attendances, ...rest } = state;
  return {
    ...rest,
    attendances: [...attendances].sort(
      (a, b) =>
        (a.participantKey < b.participantKey ? -1 : a.participantKey > b.participantKey ? 1 : 0) ||
        a.sequence - b.sequence,
    ),
  };
}

/** Every visit of the organization with its state: to prove that nothing changed. */
export function snapshotVisits(organizationId: string) {
  return db.visit.findMany({
    where: { organizationId },
    orderBy: { id: "asc" },
    take: 1_000,
    select: {
      id: true,
      status: true,
      startedAt: true,
      endedAt: true,
      patientPresence: true,
      patientWaitingSince: true,
      isProviderPresent: true,
      providerJoinedAt: true,
      lastEventAt: true,
      updatedAt: true,
      attendances: {
        orderBy: [{ participantKey: "asc" }, { sequence: "asc" }],
        select: attendanceSelect,
      },
    },
  });
}

/** Runs `work` over `items` with at most `limit` at a time; results keep the items' order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
