import { ParticipantRole, VisitStatus } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db/db-client";

import { createVisit } from "./factories";

export function minutesFrom(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** The next quarter hour at least 15 minutes away: "starting within the hour". */
export function soonStart(now: Date): Date {
  const quarter = 15 * 60_000;
  return new Date(Math.ceil((now.getTime() + quarter) / quarter) * quarter);
}

type Attendee = { userId: string | null; role: ParticipantRole; key: string; name: string };

/** A visit that took place, with the attendance Zoom would have reported. */
async function createHeldVisit(
  db: Db,
  visit: Parameters<typeof createVisit>[1],
  attendees: Attendee[],
  random: () => number,
) {
  const start = visit.scheduledStart as Date;
  const created = await createVisit(db, {
    ...visit,
    status: VisitStatus.ENDED,
    zoomMeetingId: BigInt(80_000_000_000 + Math.floor(random() * 9_999_999_999)),
    startedAt: minutesFrom(start, 1),
    endedAt: minutesFrom(start, (visit.durationMinutes ?? 30) - 2),
  });
  for (const attendee of attendees) {
    const isPatient = attendee.role === ParticipantRole.PATIENT;
    const waited = isPatient ? 1 + Math.floor(random() * 9) : 0;
    await db.attendance.create({
      data: {
        visitId: created.id,
        participantKey: attendee.key,
        sequence: 1,
        role: attendee.role,
        userId: attendee.userId,
        displayName: attendee.name,
        waitingRoomJoinedAt: isPatient ? minutesFrom(start, -2) : null,
        joinedAt: minutesFrom(start, isPatient ? waited - 2 : 0),
        leftAt: minutesFrom(start, (visit.durationMinutes ?? 30) - 3),
      },
    });
  }
  return created;
}

/**
 * Keeps the demo meaningful on later days: the demo patient always has a visit with the demo
 * provider starting within the hour.
 */
export async function ensureDemoVisitSoon(
  db: Db,
  organizationId: string,
  now: Date,
): Promise<boolean> {
  const [patient, provider] = await Promise.all([
    db.user.findUnique({
      where: { email: "patient@carevisit.test" },
      select: { subject: { select: { id: true } } },
    }),
    db.user.findUnique({ where: { email: "provider@carevisit.test" }, select: { id: true } }),
  ]);
  const subjectId = patient?.subject?.id;
  if (!subjectId || !provider) return false;
  const soon = await db.visit.count({
    where: {
      subjectId,
      status: { in: [VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS] },
      scheduledStart: { gte: minutesFrom(now, -30), lte: minutesFrom(now, 60) },
    },
  });
  if (soon > 0) return false;
  await createVisit(db, {
    organizationId,
    subjectId,
    providerId: provider.id,
    durationMinutes: 30,
    scheduledStart: soonStart(now),
  });
  return true;
}

type DemoPerson = { id: string; firstName: string; lastName: string };

export type CreateDemoVisitsOptions = {
  organizationId: string;
  provider: DemoPerson;
  coordinator: DemoPerson;
  patient: DemoPerson;
  patientSubject: { id: string };
  subjects: { id: string }[];
  random: () => number;
  now: Date;
};

/** The demo's visits: the demo patient's (one next week and three held), and a month of history and two weeks ahead for the other subjects. */
export async function createDemoVisits(db: Db, options: CreateDemoVisitsOptions): Promise<void> {
  const { organizationId, provider, coordinator, patient, patientSubject, subjects, random, now } =
    options;
  const base = { organizationId, durationMinutes: 30 };
  // The demo patient: a visit with the demo provider starting within the hour, one next week, and history.
  await createVisit(db, {
    ...base,
    subjectId: patientSubject.id,
    providerId: provider.id,
    scheduledStart: minutesFrom(soonStart(now), 7 * 24 * 60),
  });
  const patientAttendees: Attendee[] = [
    {
      userId: patient.id,
      role: ParticipantRole.PATIENT,
      key: `user:${patient.id}`,
      name: `${patient.firstName} ${patient.lastName}`,
    },
    {
      userId: provider.id,
      role: ParticipantRole.PROVIDER,
      key: `user:${provider.id}`,
      name: `${provider.firstName} ${provider.lastName}`,
    },
  ];
  for (const daysAgo of [7, 21, 49]) {
    await createHeldVisit(
      db,
      {
        ...base,
        subjectId: patientSubject.id,
        providerId: provider.id,
        scheduledStart: minutesFrom(now, -daysAgo * 24 * 60),
      },
      patientAttendees,
      random,
    );
  }

  // Other subjects: a month of history and two weeks ahead, across both care team members.
  for (let i = 0; i < 80; i++) {
    const subject = subjects[Math.floor(random() * subjects.length)];
    if (!subject) continue;
    const host = random() < 0.6 ? provider : coordinator;
    const dayOffset = Math.floor(random() * 44) - 30;
    const start = new Date(now.getTime() + dayOffset * 86_400_000);
    start.setUTCHours(13 + Math.floor(random() * 8), random() < 0.5 ? 0 : 30, 0, 0);
    const visit = { ...base, subjectId: subject.id, providerId: host.id, scheduledStart: start };
    if (start > now) {
      await createVisit(db, visit);
      continue;
    }
    const outcome = random();
    if (outcome < 0.1)
      await createVisit(db, {
        ...visit,
        status: VisitStatus.CANCELLED,
        cancelledAt: minutesFrom(start, -24 * 60),
      });
    else if (outcome < 0.2)
      await createVisit(db, visit); // never held: a no-show
    else {
      const attendees: Attendee[] = [
        {
          userId: null,
          role: ParticipantRole.PATIENT,
          key: `subject:${subject.id}`,
          name: "Patient",
        },
        {
          userId: host.id,
          role: ParticipantRole.PROVIDER,
          key: `user:${host.id}`,
          name: `${host.firstName} ${host.lastName}`,
        },
      ];
      await createHeldVisit(db, visit, attendees, random);
    }
  }
}
