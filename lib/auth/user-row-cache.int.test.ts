import { randomUUID } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "@/generated/prisma/enums";
import { UserRowCache } from "@/lib/auth/user-row-cache";
import { db } from "@/lib/db/db";
import { ChangeHub } from "@/lib/realtime/change-hub";
import { EVERY_KEY, USER_CHANGED_CHANNEL, VISIT_CHANGED_CHANNEL } from "@/lib/realtime/channels";
import { createClinic } from "@/tests/support/viewers";
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
      await announcedBy(() =>
        db.subject.update({ where: { id: patient.subject.id }, data: { userId: newcomer.id } }),
      ),
    ).toEqual([]); // the same user again
    expect(
      await announcedBy(() =>
        db.subject.update({ where: { id: patient.subject.id }, data: { userId: null } }),
      ),
    ).toEqual([newcomer.id]);
    await db.subject.update({ where: { id: patient.subject.id }, data: { userId: newcomer.id } });
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
    expect(
      await announcedBy(() =>
        db.organization.update({
          where: { id: organizationId },
          data: { timeZone: "Europe/Berlin" },
        }),
      ),
    ).toEqual([]); // the same time zone again

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

  it("are sent for everyone when users or subjects are truncated", async () => {
    await createClinic(db);
    expect(await announcedBy(() => db.$executeRaw`TRUNCATE "User" CASCADE`)).toEqual([EVERY_KEY]);
  });
});

/** The LISTEN connections' server processes in this test's database. */
async function listenerPids(): Promise<number[]> {
  const rows = await db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
     WHERE application_name = 'carevisit-changes' AND datname = current_database()`;
  return rows.map((row) => row.pid);
}

/** A hub of its own (quick heartbeat), the server process of its connection, and a cache on it. */
async function hubWithCache() {
  const before = await listenerPids();
  const hub = new ChangeHub(process.env.DATABASE_URL ?? "", {
    heartbeatMs: 200,
    heartbeatTimeoutMs: 300,
  });
  const cache = new UserRowCache<{ isActive: boolean; firstName: string }>(
    hub.everyChange(USER_CHANGED_CHANNEL),
    { max: 10, ttlMs: 60_000 },
  );
  await hub.ready();
  const pid = (await listenerPids()).find((each) => !before.includes(each));
  if (pid === undefined) throw new Error("The hub's connection was not found");
  let reads = 0;
  const read = (id: string) =>
    cache.read(id, {
      accepts: () => true,
      load: () => {
        reads += 1;
        return db.user.findUniqueOrThrow({
          where: { id },
          select: { isActive: true, firstName: true },
        });
      },
    });
  return { hub, pid, read, reads: () => reads };
}

describe("the cache of users' rows on the real change hub", () => {
  it("forgets a user as soon as a change to them commits on another connection", async () => {
    const { provider, admin } = await createClinic(db);
    const { read, reads } = await hubWithCache();
    await read(provider.id);
    await read(admin.id);
    await read(provider.id);
    expect(reads()).toBe(2);

    await db.user.update({ where: { id: provider.id }, data: { isActive: false } });
    await expect
      .poll(() => read(provider.id), { timeout: 5_000 })
      .toMatchObject({
        isActive: false,
      });
    const afterChange = reads();
    await read(admin.id);
    expect(reads()).toBe(afterChange);
  });

  it("forgets everyone when a clinic's time zone changes", async () => {
    const { organization, provider, admin } = await createClinic(db);
    const { read, reads } = await hubWithCache();
    await read(provider.id);
    await read(admin.id);
    await db.organization.update({
      where: { id: organization.id },
      data: { timeZone: "Asia/Tokyo" },
    });
    await expect
      .poll(
        async () => {
          const before = reads();
          await read(admin.id);
          return reads() - before;
        },
        { timeout: 5_000 },
      )
      .toBe(1);
    const before = reads();
    await read(provider.id);
    expect(reads()).toBe(before + 1);
  });

  it("serves nothing while its connection is down, and misses no change made meanwhile", async () => {
    const { provider } = await createClinic(db);
    const { hub, pid, read, reads } = await hubWithCache();
    await read(provider.id);
    await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await expect.poll(() => hub.isHearing(USER_CHANGED_CHANNEL), { timeout: 5_000 }).toBe(false);
    await db.user.update({ where: { id: provider.id }, data: { firstName: "Renamed" } });
    await expect.poll(() => hub.isHearing(USER_CHANGED_CHANNEL), { timeout: 10_000 }).toBe(true);
    const before = reads();
    expect(await read(provider.id)).toMatchObject({ firstName: "Renamed" });
    expect(reads()).toBe(before + 1);
  });

  it("finds a connection that stopped answering by its heartbeat, and reconnects", async () => {
    const { provider } = await createClinic(db);
    const { hub, pid, read } = await hubWithCache();
    await read(provider.id); // a subscriber: the hub reconnects only while someone listens
    expect(hub.isHearing(USER_CHANGED_CHANNEL)).toBe(true);
    process.kill(pid, "SIGSTOP"); // as a connection a firewall forgot: no error, no answer
    try {
      await expect.poll(() => hub.isHearing(USER_CHANGED_CHANNEL), { timeout: 5_000 }).toBe(false);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    await expect.poll(() => hub.isHearing(USER_CHANGED_CHANNEL), { timeout: 10_000 }).toBe(true);
  });

  it("does not hear a channel whose triggers are disabled: its cache serves nothing", async () => {
    const { provider } = await createClinic(db);
    await db.$executeRaw`ALTER TABLE "User" DISABLE TRIGGER "User_changed"`;
    try {
      const { hub, read, reads } = await hubWithCache();
      expect(hub.isHearing(USER_CHANGED_CHANNEL)).toBe(false);
      expect(hub.isHearing(VISIT_CHANGED_CHANNEL)).toBe(true);
      await read(provider.id);
      await read(provider.id);
      expect(reads()).toBe(2);
    } finally {
      await db.$executeRaw`ALTER TABLE "User" ENABLE TRIGGER "User_changed"`;
    }
  });
});
