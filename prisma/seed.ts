import { ParticipantRole, Role, VisitStatus } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db/db-client";

import { FIRST_NAMES, LAST_NAMES } from "./demo-names";
import {
  createOrganization,
  createSubject,
  createUser,
  createVisit,
  passwordHashFor,
  DEMO_PASSWORD,
} from "./factories";

// Demo data for `npm run dev` and `npm run db:seed`, and bulk subjects for benchmarks.

export const DEMO_ORGANIZATION_SLUG = "riverside";
const DEMO_TIME_ZONE = "America/New_York";
const DEMO_SUBJECT_COUNT = 200;
const RECORD_PREFIX = "RFC-";

/** A small deterministic generator, so the demo looks the same on every machine. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function recordNumber(n: number): string {
  return `${RECORD_PREFIX}${String(n).padStart(7, "0")}`;
}

function minutesFrom(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** The next quarter hour at least 15 minutes away: "starting within the hour". */
function soonStart(now: Date): Date {
  const quarter = 15 * 60_000;
  return new Date(Math.ceil((now.getTime() + quarter) / quarter) * quarter);
}

async function createDemoUsers(db: Db, organizationId: string) {
  const admin = await createUser(db, {
    organizationId,
    role: Role.ADMIN,
    email: "admin@carevisit.test",
    username: "admin",
    firstName: "Alex",
    lastName: "Morgan",
  });
  const provider = await createUser(db, {
    organizationId,
    role: Role.CARE_TEAM,
    email: "provider@carevisit.test",
    username: "provider",
    firstName: "Priya",
    lastName: "Shah",
  });
  const coordinator = await createUser(db, {
    organizationId,
    role: Role.CARE_TEAM,
    email: "coordinator@carevisit.test",
    username: "coordinator",
    firstName: "Jordan",
    lastName: "Lee",
  });
  const patient = await createUser(db, {
    organizationId,
    role: Role.PATIENT,
    email: "patient@carevisit.test",
    username: "patient",
    firstName: "Maria",
    lastName: "Lopez",
  });
  return { admin, provider, coordinator, patient };
}

async function createDemoSubjects(db: Db, organizationId: string, random: () => number) {
  const rows: { id: string }[] = [];
  for (let n = 2; n <= DEMO_SUBJECT_COUNT; n++) {
    const firstName = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)] ?? "Sam";
    const lastName = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)] ?? "Doe";
    const phoneDigits = `555${String(Math.floor(random() * 1e7)).padStart(7, "0")}`;
    rows.push(
      await createSubject(db, {
        organizationId,
        recordNumber: recordNumber(n),
        firstName,
        lastName,
        dateOfBirth: new Date(
          Date.UTC(
            1935 + Math.floor(random() * 85),
            Math.floor(random() * 12),
            1 + Math.floor(random() * 28),
          ),
        ),
        email: `${firstName}.${lastName}${n}@example.com`.toLowerCase(),
        phone: `(${phoneDigits.slice(0, 3)}) ${phoneDigits.slice(3, 6)}-${phoneDigits.slice(6)}`,
        phoneDigits,
      }),
    );
  }
  return rows;
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
async function ensureDemoVisitSoon(db: Db, organizationId: string, now: Date): Promise<boolean> {
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

export type SeedVisitHistoryOptions = {
  organizationId: string;
  providerIds: string[];
  subjectIds: string[];
  /** How many visits to add, spread over the `days` before `now`. */
  count: number;
  days: number;
  now: Date;
};

const HISTORY_BATCH = 20_000;

/**
 * Past visits with the attendance Zoom would have reported, generated inside PostgreSQL
 * (INSERT … SELECT generate_series, one statement per batch) so that 100,000 take seconds. The
 * numbers are derived from each visit's position, not drawn at random: the same call gives the
 * same mix. About 7% are cancelled and 10–26% no-shows (more for later providers in the list);
 * the rest were held, the provider on time or up to 3 minutes late, and 15% more than 5 late.
 * Visits are marked reconciled, so the reconciliation job never asks Zoom about them.
 */
export async function seedVisitHistory(db: Db, options: SeedVisitHistoryOptions): Promise<number> {
  const { organizationId, providerIds, subjectIds, count, days, now } = options;
  if (providerIds.length === 0 || subjectIds.length === 0) return 0;
  for (let first = 1; first <= count; first += HISTORY_BATCH) {
    const last = Math.min(count, first + HISTORY_BATCH - 1);
    await db.$executeRaw`
      WITH plan AS MATERIALIZED (
        SELECT gen_random_uuid() AS id, n,
               (${providerIds}::uuid[])[1 + (n * 3) % ${providerIds.length}] AS "providerId",
               (n * 3) % ${providerIds.length} AS "providerIndex",
               (${subjectIds}::uuid[])[1 + (n * 13) % ${subjectIds.length}] AS "subjectId",
               date_trunc('day', ${now}::timestamp) - make_interval(days => 1 + (n * 7) % ${days})
                 + make_interval(hours => 13 + (n * 5) % 8, mins => 30 * (n % 2)) AS start,
               (n * 37) % 100 AS draw,
               CASE WHEN (n * 11) % 100 < 15 THEN 6 + n % 10 ELSE (n * 3) % 5 - 1 END AS late,
               (n * 7) % 9 - 6 AS arrival,
               15 + (n * 13) % 25 AS length
          FROM generate_series(${first}::int, ${last}::int) AS n
      ),
      outcome AS MATERIALIZED (
        SELECT plan.*,
               CASE WHEN draw < 7 THEN 'CANCELLED'
                    WHEN draw < 17 + 8 * "providerIndex" % 24 THEN 'NO_SHOW'
                    ELSE 'HELD' END AS kind
          FROM plan
      ),
      visits AS (
        INSERT INTO "Visit" ("id", "organizationId", "subjectId", "providerId", "createdById",
                             "scheduledStart", "durationMinutes", "status", "startedAt", "endedAt",
                             "cancelledAt", "providerJoinedAt", "patientPresence",
                             "attendanceReconciledAt", "updatedAt")
        SELECT id, ${organizationId}::uuid, "subjectId", "providerId", "providerId", start, 30,
               (CASE kind WHEN 'CANCELLED' THEN 'CANCELLED' WHEN 'HELD' THEN 'ENDED'
                          ELSE 'SCHEDULED' END)::"VisitStatus",
               CASE WHEN kind = 'HELD' THEN start + make_interval(mins => late) END,
               CASE WHEN kind = 'HELD' THEN start + make_interval(mins => late + length) END,
               CASE WHEN kind = 'CANCELLED' THEN start - interval '1 day' END,
               CASE WHEN kind = 'HELD' THEN start + make_interval(mins => late) END,
               (CASE WHEN kind = 'HELD' THEN 'LEFT' ELSE 'NOT_JOINED' END)::"PatientPresence",
               start + interval '1 hour', now()
          FROM outcome
        RETURNING id
      )
      INSERT INTO "Attendance" ("id", "visitId", "participantKey", "sequence", "role", "userId",
                                "displayName", "waitingRoomJoinedAt", "joinedAt", "leftAt")
      SELECT gen_random_uuid(), o.id, stay.key, 1, stay.role::"ParticipantRole", stay."userId",
             stay.name, stay.waiting, stay.joined, o.start + make_interval(mins => o.late + o.length)
        FROM outcome o
        JOIN visits v ON v.id = o.id
        JOIN "User" u ON u.id = o."providerId"
        CROSS JOIN LATERAL (VALUES
          ('subject:' || o."subjectId", 'PATIENT', NULL::uuid, 'Patient',
           o.start + make_interval(mins => o.arrival),
           greatest(o.start + make_interval(mins => o.arrival), o.start + make_interval(mins => o.late))),
          ('user:' || o."providerId", 'PROVIDER', o."providerId", u."firstName" || ' ' || u."lastName",
           NULL::timestamp, o.start + make_interval(mins => o.late))
        ) AS stay(key, role, "userId", name, waiting, joined)
       WHERE o.kind = 'HELD'`;
  }
  await db.$executeRawUnsafe(`ANALYZE "Visit"`);
  await db.$executeRawUnsafe(`ANALYZE "Attendance"`);
  return count;
}

/** Demo history for the reports: about seven visits a day over the last 60 days. */
const DEMO_HISTORY = { count: 420, days: 60 };

/**
 * Adds the report history once per 30 days: when the last 30 days hold fewer than 50 ended visits
 * (a new database, or a demo left alone for a month), a fresh batch is added.
 */
async function ensureReportHistory(db: Db, organizationId: string, now: Date): Promise<void> {
  const recent = await db.visit.count({
    where: {
      organizationId,
      status: VisitStatus.ENDED,
      scheduledStart: { gte: minutesFrom(now, -30 * 24 * 60), lt: now },
    },
  });
  if (recent >= 50) return;
  const [providers, subjects] = await Promise.all([
    db.user.findMany({
      where: { organizationId, role: Role.CARE_TEAM },
      orderBy: { email: "asc" },
      select: { id: true },
    }),
    db.subject.findMany({
      where: { organizationId, recordNumber: { startsWith: RECORD_PREFIX } },
      orderBy: { recordNumber: "asc" },
      take: DEMO_SUBJECT_COUNT,
      select: { id: true },
    }),
  ]);
  await seedVisitHistory(db, {
    organizationId,
    providerIds: providers.map((provider) => provider.id),
    subjectIds: subjects.map((subject) => subject.id),
    ...DEMO_HISTORY,
    now,
  });
}

/** The demo clinic's telehealth consent (version 1), which the demo patient signs before joining. */
export const DEMO_CONSENT_TEXT = `Riverside Family Clinic offers video visits (telehealth) so that you can see your care team without coming in.

By signing, you agree that:
- your visit takes place over video, and your provider may decide that you need to come in person instead;
- the visit is private: we do not record it, and you should join from a place where you can talk freely;
- a video visit can be interrupted by a poor connection; if it is, we will call you at the number we have on file;
- you can stop the visit, or withdraw this consent, at any time by telling your care team.

Questions? Call the clinic before your visit.`;

/** Gives the demo clinic its consent text and phone number once (existing demo databases too). */
async function ensureDemoConsent(db: Db, organizationId: string): Promise<void> {
  if (await db.telehealthConsentVersion.count({ where: { organizationId } })) return;
  const admin = await db.user.findFirstOrThrow({
    where: { organizationId, role: Role.ADMIN },
    select: { id: true },
  });
  await db.organization.update({
    where: { id: organizationId },
    data: { phone: "(555) 010-2000" },
  });
  await db.telehealthConsentVersion.create({
    data: { organizationId, version: 1, body: DEMO_CONSENT_TEXT, createdById: admin.id },
  });
}

export type SeedDemoResult = { created: boolean; organizationId: string };

/** The demo clinic. When it already exists only the soon-starting visit is topped up, so it is safe to run again. */
export async function seedDemo(db: Db, now = new Date()): Promise<SeedDemoResult> {
  const existing = await db.organization.findUnique({
    where: { slug: DEMO_ORGANIZATION_SLUG },
    select: { id: true },
  });
  if (existing) {
    await ensureDemoVisitSoon(db, existing.id, now);
    await ensureReportHistory(db, existing.id, now);
    await ensureDemoConsent(db, existing.id);
    return { created: false, organizationId: existing.id };
  }

  const random = createRandom(20261123);
  await passwordHashFor(DEMO_PASSWORD);
  const organization = await createOrganization(db, {
    name: "Riverside Family Clinic",
    slug: DEMO_ORGANIZATION_SLUG,
    timeZone: DEMO_TIME_ZONE,
  });
  const organizationId = organization.id;
  const { provider, coordinator, patient } = await createDemoUsers(db, organizationId);
  const patientSubject = await createSubject(db, {
    organizationId,
    recordNumber: recordNumber(1),
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: new Date(Date.UTC(1984, 4, 17)),
    email: patient.email,
    phone: "(555) 010-4477",
    phoneDigits: "5550104477",
    userId: patient.id,
  });
  const subjects = await createDemoSubjects(db, organizationId, random);
  await ensureDemoVisitSoon(db, organizationId, now);

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
  await ensureReportHistory(db, organizationId, now);
  await ensureDemoConsent(db, organizationId);
  return { created: true, organizationId };
}

const BULK_BATCH = 100_000;

/**
 * Adds `count` subjects to the demo clinic for benchmarks, generated inside PostgreSQL
 * (INSERT … SELECT generate_series) in batches, so a million takes seconds, not minutes.
 */
export async function seedBulkSubjects(
  db: Db,
  organizationId: string,
  count: number,
  onProgress?: (done: number) => void,
) {
  const last = await db.subject.findFirst({
    where: { organizationId, recordNumber: { startsWith: RECORD_PREFIX } },
    orderBy: { recordNumber: "desc" },
    select: { recordNumber: true },
  });
  let next = Number(last?.recordNumber.slice(RECORD_PREFIX.length) ?? 0) + 1;
  let done = 0;
  while (done < count) {
    const size = Math.min(BULK_BATCH, count - done);
    await db.$executeRaw`
      INSERT INTO "Subject" ("id", "organizationId", "recordNumber", "firstName", "lastName", "dateOfBirth",
                             "email", "phone", "phoneDigits", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${organizationId}::uuid,
             ${RECORD_PREFIX} || lpad(n::text, 7, '0'),
             f.name, l.name,
             DATE '1930-01-01' + ((n::bigint * 7919) % 32000)::int,
             lower(f.name || '.' || l.name || n || '@example.com'),
             '(555) ' || lpad(((n * 31) % 1000)::text, 3, '0') || '-' || lpad((n % 10000)::text, 4, '0'),
             '555' || lpad(((n * 31) % 1000)::text, 3, '0') || lpad((n % 10000)::text, 4, '0'),
             now(), now()
      FROM generate_series(${next}::int, ${next + size - 1}::int) AS n
      CROSS JOIN LATERAL (SELECT (${FIRST_NAMES}::text[])[1 + (n * 37) % ${FIRST_NAMES.length}] AS name) f
      CROSS JOIN LATERAL (SELECT (${LAST_NAMES}::text[])[1 + (n * 53 + n / 97) % ${LAST_NAMES.length}] AS name) l`;
    next += size;
    done += size;
    onProgress?.(done);
  }
  await db.$executeRawUnsafe(`ANALYZE "Subject"`);
}
