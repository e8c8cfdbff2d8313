import pg from "pg";
import { describe, expect, it } from "vitest";

import { PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { VISIT_CHANGED_CHANNEL } from "@/lib/realtime/channels";
import { sseFrames } from "@/tests/support/sse-frames";
import { changeHub } from "@/lib/realtime/change-hub";
import { createClinic, viewerFor } from "@/tests/support/viewers";
import { findLiveVisit } from "@/lib/visits/live-visit";
import { liveVisitStream } from "@/lib/visits/live-visit-stream";
import type { LiveVisit } from "@/lib/visits/types";
import { createPatient, createVisit } from "@/prisma/factories";

async function clinicWithVisit() {
  const clinic = await createClinic(db);
  const visit = await createVisit(db, {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(),
  });
  return { ...clinic, visitId: visit.id };
}

/** A change committed on another connection, as another app instance would commit it. */
async function patientStartsWaiting(visitId: string, since: Date) {
  await db.$transaction(async (tx) => {
    await tx.visit.update({
      where: { id: visitId },
      data: { patientPresence: PatientPresence.WAITING, patientWaitingSince: since },
    });
    await tx.$executeRaw`SELECT pg_notify(${VISIT_CHANGED_CHANNEL}, ${visitId})`;
  });
}

async function open(viewer: Parameters<typeof findLiveVisit>[0], visitId: string) {
  const initial = await findLiveVisit(viewer, visitId);
  if (!initial) throw new Error("not visible");
  const abort = new AbortController();
  const next = sseFrames(liveVisitStream({ viewer, initial, signal: abort.signal }));
  return { next, abort, initial };
}

describe("the live waiting room stream", () => {
  it("sends the state on connect and every change to each open stream, staff and patient alike", async () => {
    const clinic = await clinicWithVisit();
    await changeHub().ready();
    const staff = await open(clinic.viewers.provider, clinic.visitId);
    const otherStaff = await open(clinic.viewers.admin, clinic.visitId);
    const patient = await open(clinic.viewers.patient, clinic.visitId);
    expect(await staff.next()).toMatchObject({
      event: "state",
      data: { view: "staff", patientPresence: PatientPresence.NOT_JOINED },
    });
    await otherStaff.next();
    expect(await patient.next()).toEqual({
      event: "state",
      data: {
        view: "patient",
        visitId: clinic.visitId,
        status: VisitStatus.SCHEDULED,
        isProviderPresent: false,
      } satisfies LiveVisit,
    });

    const since = new Date(Date.now() - 90_000);
    await patientStartsWaiting(clinic.visitId, since);
    for (const stream of [staff, otherStaff])
      expect(await stream.next()).toMatchObject({
        event: "state",
        data: {
          patientPresence: PatientPresence.WAITING,
          patientWaitingSince: since.toISOString(),
        },
      });

    // The patient's view did not change (they see only the provider): nothing is sent to them.
    await db.$transaction(async (tx) => {
      await tx.visit.update({ where: { id: clinic.visitId }, data: { isProviderPresent: true } });
      await tx.$executeRaw`SELECT pg_notify(${VISIT_CHANGED_CHANNEL}, ${clinic.visitId})`;
    });
    expect(await patient.next()).toMatchObject({ data: { isProviderPresent: true } });
    for (const stream of [staff, otherStaff, patient]) stream.abort.abort();
  });

  it("ends a viewer's streams when their user changes, so that their access is checked again", async () => {
    const clinic = await clinicWithVisit();
    await changeHub().ready();
    const staff = await open(clinic.viewers.provider, clinic.visitId);
    const patient = await open(clinic.viewers.patient, clinic.visitId);
    await staff.next();
    await patient.next();
    await db.user.update({ where: { id: clinic.provider.id }, data: { isActive: false } });
    await expect(staff.next()).rejects.toThrow("Stream ended");

    await db.$transaction(async (tx) => {
      await tx.visit.update({ where: { id: clinic.visitId }, data: { isProviderPresent: true } });
      await tx.$executeRaw`SELECT pg_notify(${VISIT_CHANGED_CHANNEL}, ${clinic.visitId})`;
    });
    expect(await patient.next()).toMatchObject({ data: { isProviderPresent: true } });
    patient.abort.abort();
  });

  it("keeps other organizations and other patients out", async () => {
    const clinic = await clinicWithVisit();
    const other = await createClinic(db);
    const otherPatient = await createPatient(db, { organizationId: clinic.organization.id });
    expect(await findLiveVisit(other.viewers.provider, clinic.visitId)).toBeNull();
    expect(await findLiveVisit(other.viewers.admin, clinic.visitId)).toBeNull();
    expect(
      await findLiveVisit(viewerFor(otherPatient.user, otherPatient.subject.id), clinic.visitId),
    ).toBeNull();
  });

  it("resynchronises from the database after its LISTEN connection is killed", async () => {
    const clinic = await clinicWithVisit();
    await changeHub().ready();
    const staff = await open(clinic.viewers.provider, clinic.visitId);
    await staff.next();

    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'carevisit-changes' AND datname = current_database()`,
    );
    await admin.end();
    // Committed while nobody listens: the notification is lost, the resync must catch it.
    const since = new Date(Date.now() - 30_000);
    await db.visit.update({
      where: { id: clinic.visitId },
      data: { patientPresence: PatientPresence.WAITING, patientWaitingSince: since },
    });
    expect(await staff.next(10_000)).toMatchObject({
      data: { patientPresence: PatientPresence.WAITING },
    });
    await patientStartsWaiting(clinic.visitId, new Date(Date.now() - 10_000));
    expect(await staff.next()).toMatchObject({
      data: { patientWaitingSince: expect.any(String) as string },
    });
    staff.abort.abort();
  });
});
