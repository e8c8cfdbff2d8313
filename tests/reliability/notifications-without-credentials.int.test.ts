import { randomUUID } from "node:crypto";

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { GET } from "@/app/api/telehealth/notifications/route";
import { db } from "@/lib/db/db";
import { handleTelehealthNotification } from "@/lib/telehealth/notifications/handle-telehealth-notification";
import { createClinic } from "@/tests/support/viewers";
import { createVisit, passwordHashFor } from "@/prisma/factories";

import { basicAuthorization, type NotificationQuery } from "./bad-notification-queries";
import { snapshotVisits } from "./visit-fixtures";

// Issue 17, finding 1: a clinic that stored no notifier credentials (the default) must not accept
// Epic-style join/leave GETs from anyone who knows a visit id. Generated GETs, each one a
// notification that would otherwise be applied (every ConnectionStatus, the visit's patient or
// provider or a stranger, any Authorization header or none), sent to clinics whose credentials
// are missing in each way they can be: every one is refused with 401 and leaves no trace. Half go
// through the App Router route itself, the way `next start` answers them.

const SEED = 20_261_207;
const ENDPOINT = "http://localhost:3000/api/telehealth/notifications";
const CREDENTIALS = { username: "zoom-notifier", password: "a long notifier password" };

/** How a clinic can be without credentials: no settings at all, or settings missing a part. */
const SETTINGS = ["no settings row", "removed", "username only", "password hash only"] as const;
type Settings = (typeof SETTINGS)[number];

type Clinic = {
  settings: Settings;
  organizationId: string;
  visitId: string;
  people: { patient: string; provider: string };
};

let clinics: Clinic[];

async function createClinicWithout(settings: Settings): Promise<Clinic> {
  const clinic = await createClinic(db);
  const organizationId = clinic.organization.id;
  const visit = await createVisit(db, {
    organizationId,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
  });
  const hash = await passwordHashFor(CREDENTIALS.password);
  const data = {
    "no settings row": null,
    removed: { notifierUsername: null, notifierPasswordHash: null },
    "username only": { notifierUsername: CREDENTIALS.username, notifierPasswordHash: null },
    "password hash only": { notifierUsername: null, notifierPasswordHash: hash },
  }[settings];
  if (data)
    await db.telehealthSettings.create({
      data: { organizationId, ...data },
      select: { organizationId: true },
    });
  return {
    settings,
    organizationId,
    visitId: visit.id,
    people: { patient: clinic.patient.user.id, provider: clinic.provider.id },
  };
}

type Attempt = {
  clinic: number;
  query: NotificationQuery;
  authorization: string | null;
  viaRoute: boolean;
};

const PRINTABLE = fc.string({ unit: fc.constantFrom(..."abcXYZ019 :-_.!é"), maxLength: 24 });

const authorizations = fc.oneof(
  fc.constant(null),
  fc.constant(basicAuthorization(CREDENTIALS.username, CREDENTIALS.password)),
  fc.tuple(PRINTABLE, PRINTABLE).map(([user, password]) => basicAuthorization(user, password)),
  fc.constantFrom("Basic ", "Basic Og==", "Bearer token", "Basic not*base64", ""),
);

function attempts(): fc.Arbitrary<Attempt> {
  return fc
    .record({
      clinic: fc.nat({ max: SETTINGS.length - 1 }),
      who: fc.constantFrom("patient", "provider", "stranger"),
      status: fc.constantFrom("1", "2", "3", "0"),
      authorization: authorizations,
      viaRoute: fc.boolean(),
      stranger: fc.uuid({ version: 4 }),
    })
    .map(({ clinic, who, status, authorization, viaRoute, stranger }) => {
      const target = clinics[clinic]!;
      const externalId = who === "stranger" ? stranger : target.people[who];
      return {
        clinic,
        query: {
          ExternalIDType: "2",
          VendorName: "Zoom",
          ExternalID: externalId,
          ConferenceID: target.visitId,
          ConnectionStatus: status,
        },
        authorization,
        viaRoute,
      };
    });
}

type Answer = { status: number; body: unknown; headers: Record<string, string> };

async function send({ query, authorization, viaRoute }: Attempt): Promise<Answer> {
  const url = new URL(ENDPOINT);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const headers = new Headers({ accept: "application/json", "epic-client-id": "epic-client-1" });
  if (authorization !== null) headers.set("authorization", authorization);
  if (!viaRoute) return handleTelehealthNotification({ url, headers });
  const response = await GET(new Request(url, { headers }), undefined);
  return {
    status: response.status,
    body: await response.json(),
    headers: Object.fromEntries(response.headers),
  };
}

const headerOf = (answer: Answer, name: string) =>
  Object.entries(answer.headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

async function footprint() {
  return {
    notifications: await db.inboundNotification.count(),
    participantEvents: await db.participantEvent.count(),
    attendances: await db.attendance.count(),
    visits: await Promise.all(clinics.map((clinic) => snapshotVisits(clinic.organizationId))),
  };
}

beforeAll(async () => {
  clinics = [];
  for (const settings of SETTINGS) clinics.push(await createClinicWithout(settings));
});

describe("telehealth notifications to a clinic without notifier credentials", () => {
  it("are each refused with 401 and leave no trace", async () => {
    const before = await footprint();
    const sample = fc.sample(attempts(), { seed: SEED, numRuns: 160 });
    const wrong: { attempt: Attempt; answer: Answer | string }[] = [];
    const perSettings: Record<string, number> = {};
    for (const attempt of sample) {
      const answer = await send(attempt).catch((error: unknown) => String(error));
      const settings = clinics[attempt.clinic]!.settings;
      perSettings[settings] = (perSettings[settings] ?? 0) + 1;
      const isRefused =
        typeof answer !== "string" &&
        answer.status === 401 &&
        (answer.body as { error?: { code?: string } }).error?.code === "unauthorized" &&
        headerOf(answer, "WWW-Authenticate") ===
          'Basic realm="CareVisit telehealth notifications"' &&
        headerOf(answer, "Cache-Control") === "no-store";
      if (!isRefused) wrong.push({ attempt, answer });
    }
    console.info("notifications without credentials:", sample.length, perSettings);
    expect(wrong).toEqual([]);
    expect(Object.keys(perSettings)).toHaveLength(SETTINGS.length);
    expect(await footprint()).toEqual(before);
  });

  it("are accepted once the clinic sets its credentials (so the missing credentials were the reason)", async () => {
    const clinic = clinics[0]!;
    await db.telehealthSettings.create({
      data: {
        organizationId: clinic.organizationId,
        notifierUsername: CREDENTIALS.username,
        notifierPasswordHash: await passwordHashFor(CREDENTIALS.password),
      },
      select: { organizationId: true },
    });
    const answer = await send({
      clinic: 0,
      query: {
        ExternalIDType: "2",
        VendorName: "Zoom",
        ExternalID: randomUUID(), // a query the first test cannot have sent
        ConferenceID: clinic.visitId,
        ConnectionStatus: "1",
      },
      authorization: basicAuthorization(CREDENTIALS.username, CREDENTIALS.password),
      viaRoute: true,
    });
    expect(answer).toMatchObject({ status: 200, body: { status: "applied" } });
  });
});
