import { randomUUID } from "node:crypto";

import type { Prisma } from "@/generated/prisma/client";
import { Role, VisitStatus } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/db-client";

import { FIRST_NAMES, LAST_NAMES } from "./demo-names";

// Record builders shared by the seed, integration tests and e2e specs. Every call makes unique
// data, so tests can run in parallel without cleaning up.

export const DEMO_PASSWORD = "carevisit-demo";

/**
 * Made-up accounts with a published password gain nothing from a slow hash, and tests verify
 * thousands of passwords: factory hashes use argon2id's cheapest parameters (1 MiB, one pass).
 * Real accounts use PASSWORD_HASH_OPTIONS (a factory account's hash is replaced by one of those
 * at its first sign-in, as any outdated hash is).
 */
const FACTORY_HASH_OPTIONS = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

const passwordHashes = new Map<string, Promise<string>>();

/** Hashes each distinct password once per process. */
export function passwordHashFor(password: string): Promise<string> {
  let hash = passwordHashes.get(password);
  if (!hash) {
    hash = hashPassword(password, FACTORY_HASH_OPTIONS);
    passwordHashes.set(password, hash);
  }
  return hash;
}

export function uniqueToken(): string {
  return randomUUID().replace(/-/g, "").slice(0, 12);
}

function pick<T>(list: readonly T[], index: number): T {
  const item = list[Math.abs(index) % list.length];
  if (item === undefined) throw new Error("Empty list");
  return item;
}

export function randomName(seed = Math.floor(Math.random() * 1e9)) {
  return {
    firstName: pick(FIRST_NAMES, seed),
    lastName: pick(LAST_NAMES, Math.floor(seed / FIRST_NAMES.length)),
  };
}

export async function createOrganization(
  db: Db,
  overrides: Partial<Prisma.OrganizationUncheckedCreateInput> = {},
) {
  const token = uniqueToken();
  return db.organization.create({
    data: { name: `Test Clinic ${token}`, slug: `clinic-${token}`, ...overrides },
    select: { id: true, name: true, slug: true, timeZone: true },
  });
}

export type CreateUserOptions = Partial<Omit<Prisma.UserUncheckedCreateInput, "passwordHash">> & {
  organizationId: string;
  role: Role;
  password?: string | null;
};

export async function createUser(
  db: Db,
  { password = DEMO_PASSWORD, ...overrides }: CreateUserOptions,
) {
  const token = uniqueToken();
  const name = randomName();
  return db.user.create({
    data: {
      email: `${overrides.role.toLowerCase().replace("_", "-")}-${token}@carevisit.test`,
      ...name,
      passwordHash: password === null ? null : await passwordHashFor(password),
      ...overrides,
    },
    select: {
      id: true,
      email: true,
      username: true,
      role: true,
      organizationId: true,
      firstName: true,
      lastName: true,
    },
  });
}

export type CreateSubjectOptions = Partial<Prisma.SubjectUncheckedCreateInput> & {
  organizationId: string;
};

export async function createSubject(db: Db, overrides: CreateSubjectOptions) {
  const token = uniqueToken();
  const name = randomName();
  const phoneDigits = `555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  return db.subject.create({
    data: {
      recordNumber: `T-${token.toUpperCase()}`,
      ...name,
      dateOfBirth: new Date(
        Date.UTC(
          1950 + Math.floor(Math.random() * 60),
          Math.floor(Math.random() * 12),
          1 + Math.floor(Math.random() * 28),
        ),
      ),
      email: `${name.firstName}.${name.lastName}.${token}@example.com`.toLowerCase(),
      phone: `(${phoneDigits.slice(0, 3)}) ${phoneDigits.slice(3, 6)}-${phoneDigits.slice(6)}`,
      phoneDigits,
      ...overrides,
    },
    select: {
      id: true,
      recordNumber: true,
      firstName: true,
      lastName: true,
      organizationId: true,
      userId: true,
    },
  });
}

/** A patient: a portal account linked to a new subject with the same name and email. */
export async function createPatient(
  db: Db,
  options: { organizationId: string; email?: string; password?: string | null },
) {
  const user = await createUser(db, { role: Role.PATIENT, ...options });
  const subject = await createSubject(db, {
    organizationId: options.organizationId,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    userId: user.id,
  });
  return { user, subject };
}

export type CreateVisitOptions = Partial<Prisma.VisitUncheckedCreateInput> & {
  organizationId: string;
  subjectId: string;
  providerId: string;
};

export async function createVisit(db: Db, overrides: CreateVisitOptions) {
  return db.visit.create({
    data: {
      createdById: overrides.providerId,
      scheduledStart: new Date(Date.now() + 60 * 60_000),
      durationMinutes: 30,
      status: VisitStatus.SCHEDULED,
      ...overrides,
    },
    select: {
      id: true,
      subjectId: true,
      providerId: true,
      scheduledStart: true,
      status: true,
      organizationId: true,
    },
  });
}
