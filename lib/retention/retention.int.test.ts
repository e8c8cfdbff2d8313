import { describe, expect, it } from "vitest";

import {
  DataDeletionStatus,
  ParticipantRole,
  VisitStatus,
  ZoomConnectionStatus,
} from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { createJobBoss, RETENTION_QUEUE, registerJobs } from "@/lib/jobs/background-jobs";
import { runDueDeletions } from "@/lib/retention/run-due-deletions";
import { removeZoomLink } from "@/lib/zoom/link/remove-zoom-link";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { createVisit } from "@/prisma/factories";

const context = withZoomEmulator({ receiveWebhooks: true });

const HOUR = 3_600_000;

/** A linked clinic with a held visit: meeting data, attendance, a mapped user. */
async function clinicWithZoomData() {
  const clinic = await createLinkedClinic(context.zoom);
  const organizationId = clinic.organization.id;
  const visit = await createVisit(db, {
    organizationId,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    status: VisitStatus.ENDED,
    scheduledStart: new Date(Date.now() - 2 * HOUR),
    zoomMeetingId: 98_765_432_101n,
    zoomMeetingUuid: "uuid-for-retention==",
    zoomJoinUrl: "https://example.zoom.us/j/98765432101",
    startedAt: new Date(Date.now() - 2 * HOUR),
    endedAt: new Date(Date.now() - HOUR),
  });
  await db.attendance.create({
    data: {
      visitId: visit.id,
      participantKey: "zoom:abc",
      sequence: 1,
      role: ParticipantRole.PATIENT,
      zoomUserId: "zoomPatient1",
      joinedAt: new Date(Date.now() - 2 * HOUR),
      leftAt: new Date(Date.now() - HOUR),
    },
  });
  await db.visitRegistrant.create({
    data: {
      visitId: visit.id,
      zoomMeetingId: 98_765_432_101n,
      userId: clinic.patient.user.id,
      zoomRegistrantId: "registrantForRetention",
      joinUrl: "sealed-join-url",
    },
  });
  await db.user.update({
    where: { id: clinic.provider.id },
    data: { videoConferenceUserId: "zoomProvider1", videoConferenceUserIdSource: "EMAIL_MATCH" },
  });
  return { ...clinic, visit };
}

type Delivery = { event: string; delivered: boolean; body: unknown };

async function deauthorizeInZoom(accountId: string, userDataRetention: boolean) {
  await context.zoom.control("POST", "/deauthorize", { accountId, userDataRetention });
  const deliveries = await context.zoom.control<Delivery[]>("GET", "/deliveries");
  expect(
    deliveries.filter((delivery) => delivery.event === "app_deauthorized").at(-1)?.delivered,
  ).toBe(true);
}

describe("app_deauthorized", () => {
  it("without retention: the connection ends, and the purge at its due time deletes Zoom data, once", async () => {
    const clinic = await clinicWithZoomData();
    const deauthorizedAt = Date.now();
    await deauthorizeInZoom(clinic.account.id, false);

    const connection = await db.zoomConnection.findUniqueOrThrow({
      where: { organizationId: clinic.organization.id },
      select: { status: true, accessToken: true },
    });
    expect(connection).toEqual({ status: ZoomConnectionStatus.REMOVED, accessToken: null });
    const request = await db.dataDeletionRequest.findFirstOrThrow({
      where: { organizationId: clinic.organization.id },
    });
    expect(request).toMatchObject({
      reason: "DEAUTHORIZED_IN_ZOOM",
      retentionAllowed: false,
      status: DataDeletionStatus.PENDING,
    });
    expect(request.dueAt.getTime() - request.requestedAt.getTime()).toBe(24 * HOUR);

    // A visit scheduled after the request is not the old account's data.
    const later = await createVisit(db, {
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      zoomMeetingId: 11_111_111_111n,
    });

    await runDueDeletions(new Date(deauthorizedAt + 23 * HOUR));
    expect(
      (await db.dataDeletionRequest.findUniqueOrThrow({ where: { id: request.id } })).status,
    ).toBe(DataDeletionStatus.PENDING);

    await runDueDeletions(new Date(deauthorizedAt + 25 * HOUR));
    const done = await db.dataDeletionRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(done.status).toBe(DataDeletionStatus.COMPLETED);
    expect(done.deletedCounts).toMatchObject({
      visits: 1,
      attendances: 1,
      registrants: 1,
      userMappings: 1,
      connectionIdentity: 1,
    });
    expect(done.deauthorizationEvent).toBeNull();
    const connectionAfter = await db.zoomConnection.findUniqueOrThrow({
      where: { organizationId: clinic.organization.id },
      select: { zoomUserId: true, zoomUserEmail: true, zoomUserName: true },
    });
    expect(connectionAfter).toEqual({ zoomUserId: null, zoomUserEmail: null, zoomUserName: null });
    expect(done.complianceReportedAt).not.toBeNull();
    const visit = await db.visit.findUniqueOrThrow({
      where: { id: clinic.visit.id },
      select: {
        zoomMeetingId: true,
        zoomMeetingUuid: true,
        zoomJoinUrl: true,
        startedAt: true,
        endedAt: true,
        status: true,
      },
    });
    expect(visit).toEqual({
      zoomMeetingId: null,
      zoomMeetingUuid: null,
      zoomJoinUrl: null,
      startedAt: null,
      endedAt: null,
      status: VisitStatus.ENDED,
    });
    expect(await db.attendance.count({ where: { visitId: clinic.visit.id } })).toBe(0);
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: clinic.provider.id } }))
        .videoConferenceUserId,
    ).toBeNull();
    expect((await db.visit.findUniqueOrThrow({ where: { id: later.id } })).zoomMeetingId).toBe(
      11_111_111_111n,
    );
    expect(
      await db.auditEvent.count({
        where: { organizationId: clinic.organization.id, action: "retention.purged" },
      }),
    ).toBe(1);

    const state = await context.zoom.control<{
      complianceCalls: { body: { account_id?: string; compliance_completed?: boolean } }[];
    }>("GET", "/state");
    expect(state.complianceCalls.map((call) => call.body)).toContainEqual(
      expect.objectContaining({ account_id: clinic.account.id, compliance_completed: true }),
    );

    await runDueDeletions(new Date(deauthorizedAt + 48 * HOUR));
    expect(
      await db.auditEvent.count({
        where: { organizationId: clinic.organization.id, action: "retention.purged" },
      }),
    ).toBe(1);
  });

  it("with retention: the connection ends and nothing is deleted", async () => {
    const clinic = await clinicWithZoomData();
    await deauthorizeInZoom(clinic.account.id, true);
    const request = await db.dataDeletionRequest.findFirstOrThrow({
      where: { organizationId: clinic.organization.id },
    });
    expect(request).toMatchObject({
      retentionAllowed: true,
      status: DataDeletionStatus.NOT_REQUIRED,
    });
    await runDueDeletions(new Date(Date.now() + 11 * 24 * HOUR));
    expect(
      (await db.visit.findUniqueOrThrow({ where: { id: clinic.visit.id } })).zoomMeetingId,
    ).toBe(98_765_432_101n);
    expect(await db.attendance.count({ where: { visitId: clinic.visit.id } })).toBe(1);
    expect(
      await db.zoomConnection.count({
        where: { organizationId: clinic.organization.id, status: ZoomConnectionStatus.REMOVED },
      }),
    ).toBe(1);
  });

  it("ends the connection once when an admin's removal and Zoom's deauthorization meet", async () => {
    const clinic = await clinicWithZoomData();
    await removeZoomLink({ viewer: clinic.viewers.admin, retainData: true });
    await deauthorizeInZoom(clinic.account.id, false);
    const requests = await db.dataDeletionRequest.findMany({
      where: { organizationId: clinic.organization.id },
    });
    expect(requests).toEqual([
      expect.objectContaining({ reason: "REMOVED_BY_ADMIN", retentionAllowed: true }),
    ]);
  });

  it("runs as a scheduled pg-boss job on PostgreSQL", async () => {
    const clinic = await clinicWithZoomData();
    await deauthorizeInZoom(clinic.account.id, false);
    await db.dataDeletionRequest.updateMany({
      where: { organizationId: clinic.organization.id },
      data: { dueAt: new Date(Date.now() - 1000) },
    });
    const boss = createJobBoss(process.env.DATABASE_URL ?? "");
    await boss.start();
    try {
      await registerJobs(boss);
      await boss.send(RETENTION_QUEUE, {});
      await expect
        .poll(
          async () =>
            (
              await db.dataDeletionRequest.findFirstOrThrow({
                where: { organizationId: clinic.organization.id },
              })
            ).status,
          { timeout: 20_000, interval: 250 },
        )
        .toBe(DataDeletionStatus.COMPLETED);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 30_000);
});
