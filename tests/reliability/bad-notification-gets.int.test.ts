import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { resetRateLimit } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db/db";
import {
  buildNotifierLimitSubject,
  NOTIFIER_FAILURES,
} from "@/lib/telehealth/notifications/check-notifier-credentials";
import { handleTelehealthNotification } from "@/lib/telehealth/notifications/handle-telehealth-notification";
import { createClinic } from "@/tests/support/viewers";
import { createVisit, passwordHashFor } from "@/prisma/factories";

import {
  type BadQuery,
  badNotificationCategories,
  basicAuthorization,
  type NotificationQuery,
} from "./bad-notification-queries";
import { snapshotVisits } from "./visit-fixtures";

// Generated Epic-style notification GETs that must be refused: parameters missing, repeated, too
// long, malformed, of another vendor, of no visit, or without the organization's credentials.
// Each must get a 4xx with a reason (never a 2xx, never a 5xx) and leave no trace.

const SEED = 20_261_202;
const NOW = new Date();
const ENDPOINT = "http://localhost:3000/api/telehealth/notifications";
const CREDENTIALS = { username: "zoom-notifier", password: "a long notifier password" };

let organizationId: string;
let valid: NotificationQuery;

/** Each query is judged on its own: the clinic's limit on failed credential checks (tested with the handler) starts afresh. */
async function notify({ params, authorization }: BadQuery) {
  await resetRateLimit(NOTIFIER_FAILURES, buildNotifierLimitSubject(organizationId, null));
  const url = new URL(ENDPOINT);
  for (const [name, value] of params) url.searchParams.append(name, value);
  const headers = new Headers({ accept: "application/json", "epic-client-id": "epic-client-1" });
  if (authorization !== null) headers.set("authorization", authorization);
  return handleTelehealthNotification({ url, headers, now: NOW });
}

async function footprint() {
  return {
    notifications: await db.inboundNotification.count(),
    participantEvents: await db.participantEvent.count(),
    attendances: await db.attendance.count(),
    visits: await snapshotVisits(organizationId),
  };
}

type Outcome = Awaited<ReturnType<typeof handleTelehealthNotification>>;
type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string[]> } };

beforeAll(async () => {
  const clinic = await createClinic(db);
  organizationId = clinic.organization.id;
  const visit = await createVisit(db, {
    organizationId,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
  });
  await db.telehealthSettings.create({
    data: {
      organizationId,
      notifierUsername: CREDENTIALS.username,
      notifierPasswordHash: await passwordHashFor(CREDENTIALS.password),
    },
    select: { organizationId: true },
  });
  valid = {
    ExternalIDType: "2",
    VendorName: "Zoom",
    ExternalID: clinic.patient.user.id,
    ConferenceID: visit.id,
    ConnectionStatus: "1",
  };
});

describe("bad telehealth notification GETs", () => {
  it("are each refused with the right 4xx and a reason, and leave no trace", async () => {
    const before = await footprint();
    const categories = badNotificationCategories(valid, CREDENTIALS);
    const seen = new Set<string>();
    const wrong: { category: string; label: string; outcome: Outcome | string }[] = [];
    for (const [index, category] of categories.entries()) {
      const queries = fc.sample(category.arbitrary, { seed: SEED + index, numRuns: category.runs });
      for (const query of queries) {
        seen.add(JSON.stringify([query.params, query.authorization]));
        let outcome: Outcome;
        try {
          outcome = await notify(query);
        } catch (error) {
          wrong.push({ category: category.name, label: query.label, outcome: String(error) });
          continue;
        }
        const { error } = outcome.body as ErrorBody;
        const field = query.field ?? category.field;
        const isRight =
          outcome.status === category.status &&
          outcome.headers["Cache-Control"] === "no-store" &&
          Boolean(error?.message) &&
          (outcome.status !== 400 ||
            (error?.code === "bad_request" &&
              Object.keys(error.fields ?? {}).length > 0 &&
              (!field || Boolean(error.fields?.[field]?.length)))) &&
          (outcome.status !== 401 ||
            outcome.headers["WWW-Authenticate"] ===
              'Basic realm="CareVisit telehealth notifications"') &&
          (outcome.status !== 404 || error?.code === "not_found");
        if (!isRight) wrong.push({ category: category.name, label: query.label, outcome });
      }
    }
    console.info(
      `bad notification GETs: ${seen.size} distinct queries in ${categories.length} categories`,
    );
    expect(wrong).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(100);
    expect(await footprint()).toEqual(before);
  });

  it("accept the valid notification they were made from", async () => {
    const before = await footprint();
    const outcome = await notify({
      label: "valid",
      params: Object.entries(valid),
      authorization: basicAuthorization(CREDENTIALS.username, CREDENTIALS.password),
    });
    expect(outcome).toMatchObject({ status: 200, body: { status: "applied" } });
    expect((await footprint()).notifications).toBe(before.notifications + 1);
  });
});
