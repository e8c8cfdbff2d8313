import { Role, VisitStatus } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db/db-client";

import { FIRST_NAMES, LAST_NAMES } from "./demo-names";
import { ensureDemoConsent } from "./seed-demo-consent";
import { createDemoVisits, ensureDemoVisitSoon, minutesFrom } from "./seed-demo-visits";
import { seedVisitHistory } from "./seed-visit-history";
import {
  createOrganization,
  createSubject,
  createUser,
  passwordHashFor,
  DEMO_PASSWORD,
} from "./factories";

// Demo data for `npm run dev` and `npm run db:seed` (bulk subjects and visit history for
// benchmarks and reports are in seed-bulk-subjects.ts and seed-visit-history.ts).

export const DEMO_ORGANIZATION_SLUG = "riverside";
const DEMO_TIME_ZONE = "America/New_York";
const DEMO_SUBJECT_COUNT = 200;
export const DEMO_RECORD_PREFIX = "RFC-";

/** A small deterministic generator, so the demo looks the same on every machine. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function recordNumber(n: number): string {
  return `${DEMO_RECORD_PREFIX}${String(n).padStart(7, "0")}`;
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
      where: { organizationId, recordNumber: { startsWith: DEMO_RECORD_PREFIX } },
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

  await createDemoVisits(db, {
    organizationId,
    provider,
    coordinator,
    patient,
    patientSubject,
    subjects,
    random,
    now,
  });
  await ensureReportHistory(db, organizationId, now);
  await ensureDemoConsent(db, organizationId);
  return { created: true, organizationId };
}
