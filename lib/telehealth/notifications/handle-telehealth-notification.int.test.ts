import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";

import {
  NotificationOutcome,
  NotificationSource,
  ParticipantEventKind,
  ParticipantRole,
  PatientPresence,
  VisitStatus,
} from "@/generated/prisma/enums";
import type * as passwordModule from "@/lib/auth/password";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/db";
import { buildTelehealthJoinUrl, TELEHEALTH_USER_TYPE } from "@/lib/telehealth/join-url";
import { NOTIFIER_FAILURES } from "@/lib/telehealth/notifications/check-notifier-credentials";
import {
  handleTelehealthNotification,
  NOTIFICATIONS_OFF,
  TELEHEALTH_NOTIFICATION_EVENT,
} from "@/lib/telehealth/notifications/handle-telehealth-notification";
import { allowConnections } from "@/tests/support/test-database";
import { createClinic } from "@/tests/support/viewers";
import { startZoomEmulator, type ZoomEmulatorProcess } from "@/tests/support/zoom-emulator-process";
import { createPatient, createVisit, passwordHashFor } from "@/prisma/factories";

// The real bcrypt check, counted: a header must be checked once, however many notifications bring it.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof passwordModule>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const USERNAME = "zoom-notifier";
const PASSWORD = "a long notifier password";
const ENDPOINT = "http://localhost:3000/api/telehealth/notifications";

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;

type Params = Record<string, string | null>;

/** Each call gets its own second unless told otherwise, so that nothing is a duplicate by chance. */
let clock = Date.now();
const nextSecond = () => new Date((clock += 1_000));

function notify(
  params: Params,
  options: {
    authorization?: string;
    now?: Date;
    extra?: [string, string][];
    address?: string;
  } = {},
) {
  const url = new URL(ENDPOINT);
  for (const [name, value] of Object.entries(params))
    if (value !== null) url.searchParams.set(name, value);
  for (const [name, value] of options.extra ?? []) url.searchParams.append(name, value);
  const headers = new Headers({ accept: "application/json", "epic-client-id": "epic-client-1" });
  // The clinic's credentials unless the test says otherwise (undefined: no header).
  const authorization =
    "authorization" in options ? options.authorization : basic(USERNAME, PASSWORD);
  if (authorization) headers.set("authorization", authorization);
  if (options.address) headers.set("x-forwarded-for", options.address);
  return handleTelehealthNotification({ url, headers, now: options.now ?? nextSecond() });
}

/** A clinic with notifier credentials (USERNAME, PASSWORD) and a visit; without them, none are accepted. */
async function clinicWithVisit({ hasCredentials = true } = {}) {
  const clinic = await createClinic(db);
  const visit = await createVisit(db, {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
  });
  if (hasCredentials) await storeCredentials(clinic.organization.id);
  const params = (userId: string, status: string): Params => ({
    ExternalIDType: "2",
    VendorName: "Zoom",
    ExternalID: userId,
    ConferenceID: visit.id,
    ConnectionStatus: status,
  });
  return { clinic, visit, params };
}

async function storeCredentials(organizationId: string, username = USERNAME, password = PASSWORD) {
  const credentials = {
    notifierUsername: username,
    notifierPasswordHash: await passwordHashFor(password),
  };
  await db.telehealthSettings.upsert({
    where: { organizationId },
    create: { organizationId, ...credentials },
    update: credentials,
    select: { organizationId: true },
  });
}

const liveState = (visitId: string) =>
  db.visit.findUniqueOrThrow({
    where: { id: visitId },
    select: {
      status: true,
      patientPresence: true,
      isProviderPresent: true,
      providerJoinedAt: true,
      attendances: {
        orderBy: [{ role: "asc" }, { sequence: "asc" }],
        select: { participantKey: true, role: true, userId: true, joinedAt: true, leftAt: true },
      },
    },
  });

const storedFor = (visitId: string) =>
  db.inboundNotification.findMany({
    where: { visitId },
    orderBy: { id: "asc" },
    select: {
      source: true,
      eventType: true,
      eventAt: true,
      receivedAt: true,
      organizationId: true,
      outcome: true,
      payload: true,
      participantEvent: {
        select: { kind: true, occurredAt: true, participantKey: true, role: true, userId: true },
      },
    },
  });

const NOT_JOINED = {
  status: VisitStatus.SCHEDULED,
  patientPresence: PatientPresence.NOT_JOINED,
  isProviderPresent: false,
  providerJoinedAt: null,
  attendances: [],
};

describe("handleTelehealthNotification", () => {
  it("follows the provider and the patient in and out, and stores every notification", async () => {
    const { clinic, visit, params } = await clinicWithVisit();
    const [patientIn, providerIn, patientOut] = [nextSecond(), nextSecond(), nextSecond()];

    const joined = await notify(params(clinic.patient.user.id, "1"), { now: patientIn });
    expect(joined).toEqual({
      status: 200,
      body: { status: "applied" },
      headers: { "Cache-Control": "no-store" },
    });
    expect(await liveState(visit.id)).toMatchObject({
      status: VisitStatus.IN_PROGRESS,
      patientPresence: PatientPresence.IN_MEETING,
      isProviderPresent: false,
    });

    expect((await notify(params(clinic.provider.id, "1"), { now: providerIn })).status).toBe(200);
    expect(await liveState(visit.id)).toMatchObject({
      patientPresence: PatientPresence.IN_MEETING,
      isProviderPresent: true,
      providerJoinedAt: providerIn,
    });

    expect((await notify(params(clinic.patient.user.id, "2"), { now: patientOut })).status).toBe(
      200,
    );
    expect(await liveState(visit.id)).toEqual({
      status: VisitStatus.IN_PROGRESS,
      patientPresence: PatientPresence.LEFT,
      isProviderPresent: true,
      providerJoinedAt: providerIn,
      attendances: [
        {
          participantKey: `user:${clinic.provider.id}`,
          role: ParticipantRole.PROVIDER,
          userId: clinic.provider.id,
          joinedAt: providerIn,
          leftAt: null,
        },
        {
          participantKey: `user:${clinic.patient.user.id}`,
          role: ParticipantRole.PATIENT,
          userId: clinic.patient.user.id,
          joinedAt: patientIn,
          leftAt: patientOut,
        },
      ],
    });

    const stored = await storedFor(visit.id);
    expect(stored).toHaveLength(3);
    expect(stored[2]).toEqual({
      source: NotificationSource.TELEHEALTH_GET,
      eventType: TELEHEALTH_NOTIFICATION_EVENT,
      eventAt: null,
      receivedAt: patientOut,
      organizationId: clinic.organization.id,
      outcome: NotificationOutcome.APPLIED,
      payload: params(clinic.patient.user.id, "2"),
      participantEvent: {
        kind: ParticipantEventKind.LEFT,
        occurredAt: patientOut,
        participantKey: `user:${clinic.patient.user.id}`,
        role: ParticipantRole.PATIENT,
        userId: clinic.patient.user.id,
      },
    });
    expect(stored.map((row) => row.participantEvent?.kind)).toEqual([
      ParticipantEventKind.JOINED,
      ParticipantEventKind.JOINED,
      ParticipantEventKind.LEFT,
    ]);
  });

  it("refuses every notification with 401 while the organization stored no credentials", async () => {
    const { clinic, visit, params } = await clinicWithVisit({ hasCredentials: false });
    for (const authorization of [basic("anyone", "anything"), basic(USERNAME, PASSWORD), undefined])
      expect(await notify(params(clinic.patient.user.id, "1"), { authorization })).toEqual({
        status: 401,
        body: { error: { code: "unauthorized", message: NOTIFICATIONS_OFF } },
        headers: {
          "Cache-Control": "no-store",
          "WWW-Authenticate": 'Basic realm="CareVisit telehealth notifications"',
        },
      });
    expect(await storedFor(visit.id)).toEqual([]);
    expect(await liveState(visit.id)).toEqual(NOT_JOINED);
  });

  describe("with credentials stored", () => {
    beforeEach(() => {
      vi.mocked(verifyPassword).mockClear();
    });

    it.each([
      ["no Authorization header", undefined],
      ["a wrong password", basic(USERNAME, "not the password")],
      ["a wrong username", basic("someone-else", PASSWORD)],
      ["an empty password", basic(USERNAME, "")],
      ["another scheme", `Bearer ${PASSWORD}`],
      ["a malformed Basic header", "Basic not*base64"],
    ])("refuses %s with 401, and stores nothing", async (_name, authorization) => {
      const { clinic, visit, params } = await clinicWithVisit();
      await storeCredentials(clinic.organization.id);
      const outcome = await notify(params(clinic.patient.user.id, "1"), { authorization });
      expect(outcome).toEqual({
        status: 401,
        body: { error: { code: "unauthorized", message: "Missing or wrong Basic credentials" } },
        headers: {
          "Cache-Control": "no-store",
          "WWW-Authenticate": 'Basic realm="CareVisit telehealth notifications"',
        },
      });
      expect(await storedFor(visit.id)).toEqual([]);
      expect(await db.participantEvent.count({ where: { visitId: visit.id } })).toBe(0);
      expect(await liveState(visit.id)).toEqual(NOT_JOINED);
    });

    it("accepts the right credentials, and stops accepting them once they change", async () => {
      const { clinic, visit, params } = await clinicWithVisit();
      await storeCredentials(clinic.organization.id);
      const authorization = basic(USERNAME, PASSWORD);
      const statusOf = async (status: string, header = authorization) =>
        (await notify(params(clinic.patient.user.id, status), { authorization: header })).status;

      expect(await statusOf("1")).toBe(200);
      expect(await statusOf("2")).toBe(200); // the same header again: now remembered

      await storeCredentials(clinic.organization.id, USERNAME, "the new notifier password");
      expect(await statusOf("1")).toBe(401);
      expect(await statusOf("1", basic(USERNAME, "the new notifier password"))).toBe(200);

      await storeCredentials(
        clinic.organization.id,
        "renamed-notifier",
        "the new notifier password",
      );
      expect(await statusOf("2", basic(USERNAME, "the new notifier password"))).toBe(401);

      await db.telehealthSettings.update({
        where: { organizationId: clinic.organization.id },
        data: { notifierUsername: null, notifierPasswordHash: null },
        select: { organizationId: true },
      });
      expect(await statusOf("2", basic(USERNAME, "the new notifier password"))).toBe(401);
      expect(await storedFor(visit.id)).toHaveLength(3);
    });

    it("after too many failed checks from an address, refuses its headers not seen before with 503 before checking them", async () => {
      const { clinic, visit, params } = await clinicWithVisit();
      const other = await clinicWithVisit();
      await storeCredentials(clinic.organization.id);
      await storeCredentials(other.clinic.organization.id);
      const right = basic(USERNAME, PASSWORD);
      const attacker = "203.0.113.66";
      const statusOf = async (authorization: string, address = attacker, at = clinic) =>
        (
          await notify((at === clinic ? params : other.params)(at.patient.user.id, "1"), {
            authorization,
            address,
          })
        ).status;

      expect(await statusOf(right)).toBe(200); // now remembered
      for (let i = 0; i < NOTIFIER_FAILURES.limit - 1; i++)
        expect(await statusOf(basic(USERNAME, `wrong password ${i}`))).toBe(401);
      // Below the limit a header not seen before is still checked, and a valid one not counted.
      expect(await statusOf(right.replace("Basic", "basic"))).toBe(200);
      expect(await statusOf(basic(USERNAME, "the last wrong password"))).toBe(401);

      const refused = await notify(params(clinic.patient.user.id, "2"), {
        authorization: basic(USERNAME, "yet another password"),
        address: attacker,
      });
      expect(refused.status).toBe(503);
      expect(refused.body).toEqual({
        error: {
          code: "unavailable",
          message: "Too many failed credential checks for this clinic; retry later",
        },
      });
      expect(refused.headers["Retry-After"]).toMatch(/^[1-9]\d*$/);
      // The right password in a header not seen before waits too: it is not checked.
      expect(await statusOf(right.replace("Basic", "BASIC"))).toBe(503);
      // Remembered headers, other addresses and other clinics are not held up.
      expect(await statusOf(right)).toBe(200);
      expect(await statusOf(right.replace("Basic", "BASIC"), "198.51.100.7")).toBe(200);
      expect(await statusOf(basic(USERNAME, "wrong"), "198.51.100.7")).toBe(401);
      expect(await statusOf(right, attacker, other.clinic)).toBe(200);
      expect(await storedFor(visit.id)).toHaveLength(4);
    });

    it("counts wrong headers sent all at once against the limit, checking at most the limit", async () => {
      const { clinic, params } = await clinicWithVisit();
      await storeCredentials(clinic.organization.id);
      const outcomes = await Promise.all(
        Array.from({ length: NOTIFIER_FAILURES.limit + 10 }, (_, i) =>
          notify(params(clinic.patient.user.id, "1"), {
            authorization: basic(USERNAME, `wrong password ${i}`),
            address: "203.0.113.67",
          }),
        ),
      );
      const statuses = outcomes.map((outcome) => outcome.status).sort();
      expect(statuses).toEqual([
        ...Array<number>(NOTIFIER_FAILURES.limit).fill(401),
        ...Array<number>(10).fill(503),
      ]);
      expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(NOTIFIER_FAILURES.limit);
    });

    it("checks a header not seen before once, however many of its notifications arrive together", async () => {
      const { clinic, visit, params } = await clinicWithVisit();
      await storeCredentials(clinic.organization.id);
      const authorization = basic(USERNAME, PASSWORD);
      const count = NOTIFIER_FAILURES.limit + 5;
      const outcomes = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          notify(params(clinic.patient.user.id, i % 2 === 0 ? "1" : "2"), { authorization }),
        ),
      );
      expect(outcomes.map((outcome) => outcome.status)).toEqual(outcomes.map(() => 200));
      expect(await storedFor(visit.id)).toHaveLength(count);
      expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(1);
    });

    it("checks the credentials of the visit's organization, not another's", async () => {
      const { clinic, params } = await clinicWithVisit();
      const other = await clinicWithVisit();
      await storeCredentials(clinic.organization.id);
      await storeCredentials(
        other.clinic.organization.id,
        "other-notifier",
        "other notifier password",
      );
      const outcome = await notify(params(clinic.patient.user.id, "1"), {
        authorization: basic("other-notifier", "other notifier password"),
      });
      expect(outcome.status).toBe(401);
    });
  });

  it.each([
    ["ExternalID", { ExternalID: null }],
    ["ExternalID", { ExternalID: "x".repeat(101) }],
    ["ExternalIDType", { ExternalIDType: "" }],
    ["ExternalIDType", { ExternalIDType: "t".repeat(51) }],
    ["VendorName", { VendorName: "Teams" }],
    ["VendorName", { VendorName: null }],
    ["ConnectionStatus", { ConnectionStatus: "abc" }],
    ["ConnectionStatus", { ConnectionStatus: "-1" }],
    ["ConnectionStatus", { ConnectionStatus: "1.5" }],
    ["ConnectionStatus", { ConnectionStatus: "" }],
    ["ConnectionStatus", { ConnectionStatus: null }],
    ["ConferenceID", { ConferenceID: "not-a-uuid" }],
  ] as const)("refuses a bad %s (%j) with 400, and stores nothing", async (field, bad) => {
    const { clinic, visit, params } = await clinicWithVisit();
    const before = await db.inboundNotification.count();
    const outcome = await notify({ ...params(clinic.patient.user.id, "1"), ...bad });
    expect(outcome.status).toBe(400);
    expect(outcome.body).toMatchObject({
      error: { code: "bad_request", message: "Invalid notification" },
    });
    expect(Object.keys((outcome.body as { error: { fields: object } }).error.fields)).toEqual([
      field,
    ]);
    expect(await db.inboundNotification.count()).toBe(before);
    expect(await liveState(visit.id)).toEqual(NOT_JOINED);
  });

  it("refuses a parameter given twice with 400, and stores nothing", async () => {
    const { clinic, visit, params } = await clinicWithVisit();
    const outcome = await notify(params(clinic.patient.user.id, "1"), {
      extra: [["ConnectionStatus", "2"]],
    });
    expect(outcome).toMatchObject({
      status: 400,
      body: { error: { fields: { ConnectionStatus: ["Must appear only once"] } } },
    });
    expect(await storedFor(visit.id)).toEqual([]);
  });

  it("answers 404 for a conference that is no visit, and stores nothing", async () => {
    const { clinic, params } = await clinicWithVisit();
    const before = await db.inboundNotification.count();
    const outcome = await notify({
      ...params(clinic.patient.user.id, "1"),
      ConferenceID: randomUUID(),
    });
    expect(outcome).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(await db.inboundNotification.count()).toBe(before);
  });

  it("stores a repeat within the same second once, and a later one again", async () => {
    const { clinic, visit, params } = await clinicWithVisit();
    const at = new Date(Math.floor(nextSecond().getTime() / 1000) * 1000);
    const query = params(clinic.patient.user.id, "1");
    expect((await notify(query, { now: at })).body).toEqual({ status: "applied" });
    expect((await notify(query, { now: new Date(at.getTime() + 999) })).body).toEqual({
      status: "duplicate",
    });
    // The same GET with its parameters in another order and "zoom" in lower case is the same one.
    const reordered = Object.fromEntries(
      Object.entries({ ...query, VendorName: "zoom" }).reverse(),
    );
    expect((await notify(reordered, { now: new Date(at.getTime() + 500) })).body).toEqual({
      status: "duplicate",
    });
    expect(await storedFor(visit.id)).toHaveLength(1);
    expect(await db.participantEvent.count({ where: { visitId: visit.id } })).toBe(1);

    expect((await notify(query, { now: new Date(at.getTime() + 1_000) })).body).toEqual({
      status: "applied",
    });
    expect(await storedFor(visit.id)).toHaveLength(2);
    expect((await liveState(visit.id)).attendances).toHaveLength(1); // still one stay
  });

  it.each(["0", "3", "03", "999"])(
    "stores unknown code %s as IGNORED with its raw value, changing nothing",
    async (code) => {
      const { clinic, visit, params } = await clinicWithVisit();
      const outcome = await notify(params(clinic.patient.user.id, code));
      expect(outcome).toMatchObject({ status: 200, body: { status: "ignored" } });
      const [stored, ...more] = await storedFor(visit.id);
      expect(more).toEqual([]);
      expect(stored).toMatchObject({
        outcome: NotificationOutcome.IGNORED,
        payload: { ConnectionStatus: code },
        participantEvent: null,
      });
      expect(await liveState(visit.id)).toEqual(NOT_JOINED);
    },
  );

  it("stores a notification of a cancelled visit as IGNORED, and changes nothing", async () => {
    const { clinic, visit, params } = await clinicWithVisit();
    await db.visit.update({
      where: { id: visit.id },
      data: { status: VisitStatus.CANCELLED, cancelledAt: new Date() },
      select: { id: true },
    });
    const outcome = await notify(params(clinic.patient.user.id, "1"));
    expect(outcome).toMatchObject({ status: 200, body: { status: "ignored" } });
    expect(await storedFor(visit.id)).toMatchObject([
      { outcome: NotificationOutcome.IGNORED, participantEvent: null },
    ]);
    expect(await liveState(visit.id)).toEqual({ ...NOT_JOINED, status: VisitStatus.CANCELLED });
  });

  it("does not match a user of another organization, nor an id that is not ours", async () => {
    const { clinic, visit, params } = await clinicWithVisit();
    const stranger = await createPatient(db, {
      organizationId: (await createClinic(db)).organization.id,
    });
    await notify(params(stranger.user.id, "1"));
    await notify({ ...params("EMP-4711", "1"), ExternalIDType: "EMP" });
    const events = (await storedFor(visit.id)).map((row) => row.participantEvent);
    expect(events).toEqual([
      expect.objectContaining({
        participantKey: `external:2:${stranger.user.id}`,
        role: ParticipantRole.UNKNOWN,
        userId: null,
      }),
      expect.objectContaining({
        participantKey: "external:EMP:EMP-4711",
        role: ParticipantRole.UNKNOWN,
        userId: null,
      }),
    ]);
    expect(await db.attendance.count({ where: { userId: stranger.user.id } })).toBe(0);
    expect(clinic.organization.id).not.toBe(stranger.user.organizationId);
  });

  it("applies simultaneous notifications of one visit one after the other, without deadlocks", async () => {
    const { clinic, visit, params } = await clinicWithVisit();
    const at = nextSecond();
    const people = [clinic.patient.user.id, clinic.provider.id, clinic.admin.id, "E1", "E2", "E3"];
    const outcomes = await Promise.all(
      people.map((person) => notify(params(person, "1"), { now: at })),
    );
    expect(outcomes.map((outcome) => outcome.body)).toEqual(
      people.map(() => ({ status: "applied" })),
    );
    expect(await db.participantEvent.count({ where: { visitId: visit.id } })).toBe(people.length);
    expect(await liveState(visit.id)).toMatchObject({
      patientPresence: PatientPresence.IN_MEETING,
      isProviderPresent: true,
    });
    expect((await liveState(visit.id)).attendances).toHaveLength(people.length);
  });

  it("answers 503 and leaves nothing behind when the transaction fails half-way", async () => {
    const { clinic, visit, params } = await clinicWithVisit();
    // A trigger that refuses this visit's participant events: the notification row is written
    // first, then recording the event fails.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_test_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."visitId" = '${visit.id}'::uuid THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER refuse_test_event BEFORE INSERT ON "ParticipantEvent"
      FOR EACH ROW EXECUTE FUNCTION refuse_test_event()`);
    try {
      const outcome = await notify(params(clinic.patient.user.id, "1"));
      expect(outcome).toMatchObject({ status: 503, body: { error: { code: "unavailable" } } });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_test_event ON "ParticipantEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_test_event()`);
    }
    expect(await storedFor(visit.id)).toEqual([]);
    expect(await liveState(visit.id)).toEqual(NOT_JOINED);
    // The sender's retry then goes through.
    expect((await notify(params(clinic.patient.user.id, "1"))).status).toBe(200);
  });
});

/** A real HTTP endpoint that hands the emulator's GETs to the same function the route calls. */
async function startNotificationReceiver() {
  const server = http.createServer((request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers))
      if (typeof value === "string") headers.set(name, value);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    void handleTelehealthNotification({ url, headers }).then((outcome) => {
      response.writeHead(outcome.status, {
        "Content-Type": "application/json",
        ...outcome.headers,
      });
      response.end(JSON.stringify(outcome.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/telehealth/notifications`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("the Zoom emulator's Epic-style GETs", () => {
  const API_KEY = "carevisit-test-telehealth";
  const API_SECRET = "carevisit-test-telehealth-secret";
  let zoom: ZoomEmulatorProcess;
  let receiver: Awaited<ReturnType<typeof startNotificationReceiver>>;

  beforeAll(async () => {
    receiver = await startNotificationReceiver();
    zoom = await startZoomEmulator();
    await zoom.control("PUT", "/registration", {
      telehealth: { apiKey: API_KEY, apiSecret: API_SECRET },
      epicNotification: {
        url: receiver.url,
        username: USERNAME,
        password: PASSWORD,
        clientId: "epic-client-1",
      },
    });
  });
  afterAll(async () => {
    await zoom.stop();
    await receiver.stop();
  });

  type Delivery = { event: string; url: string; state: string; attempts: { status?: number }[] };

  /** Waits until the emulator has delivered `count` GETs for the visit, and returns them. */
  async function deliveredFor(visitId: string, count: number): Promise<Delivery[]> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const deliveries = (await zoom.control<Delivery[]>("GET", "/deliveries?kind=epic")).filter(
        (delivery) => delivery.url.includes(visitId),
      );
      if (deliveries.length >= count && deliveries.every((each) => each.state === "delivered"))
        return deliveries;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`The emulator did not deliver ${count} notifications for the visit`);
  }

  async function launch(userType: 1 | 2, sessionId: string, userId: string): Promise<string> {
    const url = buildTelehealthJoinUrl({
      baseUrl: zoom.url,
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      userType,
      sessionId,
      userId,
    });
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(303);
    return new URL(response.headers.get("location") ?? "", zoom.url).href;
  }

  it("records who joined and left through telehealth links, with Basic credentials", async () => {
    const { clinic, visit } = await clinicWithVisit();
    await storeCredentials(clinic.organization.id);

    await launch(TELEHEALTH_USER_TYPE.PROVIDER, visit.id, clinic.provider.id);
    const patientPage = await launch(
      TELEHEALTH_USER_TYPE.PATIENT,
      visit.id,
      clinic.patient.user.id,
    );
    await deliveredFor(visit.id, 2);
    expect(await liveState(visit.id)).toMatchObject({
      status: VisitStatus.IN_PROGRESS,
      isProviderPresent: true,
      // The emulator reports the waiting room as "connected" (1), so the patient counts as in.
      patientPresence: PatientPresence.IN_MEETING,
    });

    const left = await fetch(`${patientPage}/leave`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    expect(left.status).toBeLessThan(400);
    const deliveries = await deliveredFor(visit.id, 3);
    expect(deliveries.map((delivery) => [delivery.event, delivery.attempts[0]?.status])).toEqual([
      ["connection_status.joined", 200],
      ["connection_status.joined", 200],
      ["connection_status.left", 200],
    ]);
    expect(await liveState(visit.id)).toMatchObject({
      isProviderPresent: true,
      patientPresence: PatientPresence.LEFT,
    });
    const stored = await storedFor(visit.id);
    expect(stored.map((row) => [row.outcome, row.participantEvent?.role])).toEqual([
      [NotificationOutcome.APPLIED, ParticipantRole.PROVIDER],
      [NotificationOutcome.APPLIED, ParticipantRole.PATIENT],
      [NotificationOutcome.APPLIED, ParticipantRole.PATIENT],
    ]);
  });

  it("is refused, and retried by the emulator, while the credentials differ", async () => {
    const { clinic, visit } = await clinicWithVisit();
    await storeCredentials(clinic.organization.id, USERNAME, "not what the emulator sends");
    await launch(TELEHEALTH_USER_TYPE.PROVIDER, visit.id, clinic.provider.id);
    const [delivery] = await (async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const found = (await zoom.control<Delivery[]>("GET", "/deliveries?kind=epic")).filter(
          (each) => each.url.includes(visit.id) && each.attempts.length >= 2,
        );
        if (found.length > 0) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return [];
    })();
    expect(delivery?.attempts.slice(0, 2).map((attempt) => attempt.status)).toEqual([401, 401]);
    expect(await storedFor(visit.id)).toEqual([]);
  });
});

describe("when the database is unavailable", () => {
  const serverUrl = inject("testServerUrl");
  const database = new URL(process.env.DATABASE_URL ?? "").pathname.slice(1);

  async function asAdmin(sql: string, values: unknown[] = []) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql, values);
    } finally {
      await client.end();
    }
  }

  it("answers 503, so that the sender retries, and stores nothing", async () => {
    const { clinic, visit, params } = await clinicWithVisit();
    expect(database).toMatch(/^[a-z0-9_]+$/);
    await allowConnections(serverUrl, database, false);
    try {
      await asAdmin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [database],
      );
      // Whether a pooled connection was cut or a new one is refused, the answer is the same.
      const first = await notify(params(clinic.patient.user.id, "1"));
      const outcome = await notify(params(clinic.patient.user.id, "1"));
      expect(first).toEqual(outcome);
      expect(outcome).toEqual({
        status: 503,
        body: {
          error: {
            code: "unavailable",
            message: "The notification could not be stored; retry later",
          },
        },
        headers: { "Cache-Control": "no-store" },
      });
    } finally {
      await allowConnections(serverUrl, database, true);
    }
    // Connections the pool lost may fail once more before it reconnects.
    let stored: Awaited<ReturnType<typeof storedFor>> | null = null;
    for (let attempt = 0; attempt < 5 && stored === null; attempt++)
      stored = await storedFor(visit.id).catch(() => null);
    expect(stored).toEqual([]);
    expect((await notify(params(clinic.patient.user.id, "1"))).status).toBe(200);
  });
});
