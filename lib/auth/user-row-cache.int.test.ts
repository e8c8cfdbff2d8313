import { randomUUID } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "@/generated/prisma/enums";
import { UserRowCache } from "@/lib/auth/user-row-cache";
import { db } from "@/lib/db";
import { changeHub } from "@/lib/realtime/change-hub";
import { EVERY_KEY, USER_CHANGED_CHANNEL } from "@/lib/realtime/channels";
import { createClinic } from "@/lib/testing/viewers";
import { createSubject, createUser } from "@/prisma/factories";

// The database's own triggers announce every change to what a signed-in user's view holds, and
// the cache of users' rows follows them over the real LISTEN connection.

let listener: pg.Client;
const heard: string[] = [];

beforeAll(async () => {
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (message) => heard.push(message.payload ?? ""));
  await listener.query(`LISTEN ${USER_CHANGED_CHANNEL}`);
});

afterAll(() => listener.end());

/** Everything committed so far has been heard: PostgreSQL delivers notifications in commit order. */
async function heardAllSoFar(): Promise<void> {
  const marker = randomUUID();
  await db.$executeRaw`SELECT pg_notify(${USER_CHANGED_CHANNEL}, ${marker})`;
  await expect.poll(() => heard.includes(marker), { timeout: 5_000 }).toBe(true);
}

/** The notifications `change` made, and no others: "none" is as certain as "these". */
async function announcedBy(change: () => Promise<unknown>): Promise<string[]> {
  await heardAllSoFar();
  const start = heard.length;
  await change();
  await heardAllSoFar();
  return heard.slice(start, -1).sort();
}

describe("user_changed notifications", () => {
  it("are sent for every change a signed-in view depends on, and only those", async () => {
    const clinic = await createClinic(db);
    const { organization, provider, patient } = clinic;
    const organizationId = organization.id;

    expect(
      await announcedBy(() =>
        db.user.update({ where: { id: provider.id }, data: { firstName: "Renamed" } }),
      ),
    ).toEqual([provider.id]);
    expect(
      await announcedBy(() =>
        db.user.update({ where: { id: provider.id }, data: { isActive: false } }),
      ),
    ).toEqual([provider.id]);
    expect(
      await announcedBy(() =>
        db.user.updateMany({
          where: { organizationId },
          data: { sessionVersion: { increment: 1 } },
        }),
      ),
    ).toEqual([clinic.admin.id, patient.user.id, provider.id].sort());

    // A subject: only when which user's portal it is changes.
    expect(await announcedBy(() => createSubject(db, { organizationId }))).toEqual([]);
    expect(
      await announcedBy(() =>
        db.subject.update({ where: { id: patient.subject.id }, data: { firstName: "Ana" } }),
      ),
    ).toEqual([]);
    const newcomer = await createUser(db, { organizationId, role: Role.PATIENT });
    expect(
      await announcedBy(() =>
        db.subject.update({ where: { id: patient.subject.id }, data: { userId: newcomer.id } }),
      ),
    ).toEqual([newcomer.id, patient.user.id].sort());
    expect(
      await announcedBy(() => createSubject(db, { organizationId, userId: patient.user.id })),
    ).toEqual([patient.user.id]);
    expect(
      await announcedBy(() => db.subject.delete({ where: { id: patient.subject.id } })),
    ).toEqual([newcomer.id]);

    // The clinic: its time zone is in every one of its users' views; its name is in none.
    expect(
      await announcedBy(() =>
        db.organization.update({ where: { id: organizationId }, data: { name: "Renamed clinic" } }),
      ),
    ).toEqual([]);
    expect(
      await announcedBy(() =>
        db.organization.update({
          where: { id: organizationId },
          data: { timeZone: "Europe/Berlin" },
        }),
      ),
    ).toEqual([EVERY_KEY]);

    const leaver = await createUser(db, { organizationId, role: Role.CARE_TEAM });
    expect(await announcedBy(() => db.user.delete({ where: { id: leaver.id } }))).toEqual([
      leaver.id,
    ]);
  });

  it("are not sent for a change that rolls back", async () => {
    const { provider } = await createClinic(db);
    expect(
      await announcedBy(() =>
        db
          .$transaction(async (tx) => {
            await tx.user.update({ where: { id: provider.id }, data: { isActive: false } });
            throw new Error("rolled back");
          })
          .catch(() => undefined),
      ),
    ).toEqual([]);
  });
});

describe("the cache of users' rows on the real change hub", () => {
  it("forgets a user as soon as a change to them commits on another connection", async () => {
    const { provider, admin } = await createClinic(db);
    await changeHub().ready();
    const cache = new UserRowCache<{ isActive: boolean }>(
      changeHub().everyChange(USER_CHANGED_CHANNEL),
      { max: 10, ttlMs: 60_000 },
    );
    const read = (id: string) =>
      cache.load(id, () =>
        db.user.findUniqueOrThrow({ where: { id }, select: { isActive: true } }),
      );
    await read(provider.id);
    await read(admin.id);
    expect(cache.get(provider.id)).toEqual({ isActive: true });

    await db.user.update({ where: { id: provider.id }, data: { isActive: false } });
    await expect.poll(() => cache.get(provider.id), { timeout: 5_000 }).toBeUndefined();
    expect(cache.get(admin.id)).toEqual({ isActive: true });
    expect(await read(provider.id)).toEqual({ isActive: false });
  });
});
