import { describe, expect, it } from "vitest";

import { DataDeletionStatus, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { cancelDataDeletion } from "@/lib/retention/cancel-data-deletion";
import { runDueDeletions } from "@/lib/retention/run-due-deletions";
import { removeZoomLink } from "@/lib/zoom/link/remove-zoom-link";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { createClinic } from "@/tests/support/viewers";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { linkZoom } from "@/tests/support/zoom-link";
import { createVisit } from "@/prisma/factories";

const context = withZoomEmulator();
const HOUR = 3_600_000;

/** A linked clinic with a past (held) visit and one booked for three days from now, both in Zoom. */
async function clinicWithVisits() {
  const clinic = await createLinkedClinic(context.zoom);
  const common = {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
  };
  const past = await createVisit(db, {
    ...common,
    status: VisitStatus.ENDED,
    scheduledStart: new Date(Date.now() - 2 * HOUR),
    zoomMeetingId: 90_000_000_001n,
    zoomJoinUrl: "https://example.zoom.us/j/90000000001",
    startedAt: new Date(Date.now() - 2 * HOUR),
    endedAt: new Date(Date.now() - HOUR),
  });
  const booked = await createVisit(db, {
    ...common,
    status: VisitStatus.SCHEDULED,
    scheduledStart: new Date(Date.now() + 72 * HOUR),
    zoomMeetingId: 90_000_000_002n,
    zoomJoinUrl: "https://example.zoom.us/j/90000000002",
  });
  return { ...clinic, past, booked };
}

/** Removes Zoom choosing deletion; returns the pending request. */
async function removeWithDeletion(clinic: Awaited<ReturnType<typeof clinicWithVisits>>) {
  await removeZoomLink({ viewer: clinic.viewers.admin, retainData: false });
  return db.dataDeletionRequest.findFirstOrThrow({
    where: { organizationId: clinic.organization.id, status: DataDeletionStatus.PENDING },
  });
}

const meetingOf = (visitId: string) =>
  db.visit.findUniqueOrThrow({
    where: { id: visitId },
    select: { zoomMeetingId: true, zoomJoinUrl: true },
  });

const cancellations = (organizationId: string) =>
  db.auditEvent.findMany({
    where: { organizationId, action: "retention.cancelled" },
    select: { actorUserId: true, targetId: true, details: true },
  });

describe("the purge after an admin's removal", () => {
  it("deletes past meetings' Zoom data, spares booked visits, and changes nothing when run again", async () => {
    const clinic = await clinicWithVisits();
    const request = await removeWithDeletion(clinic);

    await runDueDeletions(new Date(Date.now() + 25 * HOUR));
    expect(await meetingOf(clinic.past.id)).toEqual({ zoomMeetingId: null, zoomJoinUrl: null });
    expect(await meetingOf(clinic.booked.id)).toEqual({
      zoomMeetingId: 90_000_000_002n,
      zoomJoinUrl: "https://example.zoom.us/j/90000000002",
    });
    const done = await db.dataDeletionRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(done.status).toBe(DataDeletionStatus.COMPLETED);
    expect(done.deletedCounts).toMatchObject({ visits: 1 });

    await runDueDeletions(new Date(Date.now() + 26 * HOUR));
    expect(await meetingOf(clinic.booked.id)).toMatchObject({ zoomMeetingId: 90_000_000_002n });
    expect(
      (await db.dataDeletionRequest.findUniqueOrThrow({ where: { id: request.id } })).deletedCounts,
    ).toEqual(done.deletedCounts);
    expect(
      await db.auditEvent.count({
        where: { organizationId: clinic.organization.id, action: "retention.purged" },
      }),
    ).toBe(1);
  });
});

describe("Cancel deletion", () => {
  it("stops the pending deletion, audited, and the purge deletes nothing", async () => {
    const clinic = await clinicWithVisits();
    const request = await removeWithDeletion(clinic);

    await cancelDataDeletion({ viewer: clinic.viewers.admin, requestId: request.id });
    const cancelled = await db.dataDeletionRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(cancelled.status).toBe(DataDeletionStatus.CANCELLED);
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(await cancellations(clinic.organization.id)).toEqual([
      { actorUserId: clinic.admin.id, targetId: request.id, details: { cancelledBy: "admin" } },
    ]);

    await runDueDeletions(new Date(Date.now() + 25 * HOUR));
    expect(await meetingOf(clinic.past.id)).toMatchObject({ zoomMeetingId: 90_000_000_001n });
    await expect(
      cancelDataDeletion({ viewer: clinic.viewers.admin, requestId: request.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("is refused once the purge has run, to care team members, and across clinics", async () => {
    const clinic = await clinicWithVisits();
    const request = await removeWithDeletion(clinic);
    const other = await createClinic(db);
    await expect(
      cancelDataDeletion({ viewer: other.viewers.admin, requestId: request.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      cancelDataDeletion({ viewer: clinic.viewers.provider, requestId: request.id }),
    ).rejects.toMatchObject({ code: "forbidden" });

    await runDueDeletions(new Date(Date.now() + 25 * HOUR));
    await expect(
      cancelDataDeletion({ viewer: clinic.viewers.admin, requestId: request.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(
      (await db.dataDeletionRequest.findUniqueOrThrow({ where: { id: request.id } })).status,
    ).toBe(DataDeletionStatus.COMPLETED);
    expect(await cancellations(clinic.organization.id)).toEqual([]);
  });
});

describe("relinking Zoom", () => {
  it("to the same account cancels the pending deletion, audited", async () => {
    const clinic = await clinicWithVisits();
    const request = await removeWithDeletion(clinic);

    expect(await linkZoom(clinic.viewers.admin, { userEmail: clinic.ownerEmail })).toEqual({
      status: "linked",
    });
    expect(
      (await db.dataDeletionRequest.findUniqueOrThrow({ where: { id: request.id } })).status,
    ).toBe(DataDeletionStatus.CANCELLED);
    expect(await cancellations(clinic.organization.id)).toEqual([
      { actorUserId: clinic.admin.id, targetId: request.id, details: { cancelledBy: "relinked" } },
    ]);
    await runDueDeletions(new Date(Date.now() + 25 * HOUR));
    expect(await meetingOf(clinic.past.id)).toMatchObject({ zoomMeetingId: 90_000_000_001n });
    expect(await meetingOf(clinic.booked.id)).toMatchObject({ zoomMeetingId: 90_000_000_002n });
  });

  it("to another account keeps the deletion, and booked visits lose the old account's meetings", async () => {
    const clinic = await clinicWithVisits();
    const request = await removeWithDeletion(clinic);
    const another = await context.zoom.control<{ id: string }>("POST", "/accounts", {
      name: "Another clinic account",
      users: [
        { email: "owner-other@zoom.test", first_name: "O", last_name: "T", role: "Owner", type: 2 },
      ],
    });
    expect(another.id).not.toBe(clinic.account.id);

    expect(await linkZoom(clinic.viewers.admin, { userEmail: "owner-other@zoom.test" })).toEqual({
      status: "linked",
    });
    expect(
      (await db.dataDeletionRequest.findUniqueOrThrow({ where: { id: request.id } })).status,
    ).toBe(DataDeletionStatus.PENDING);
    expect(await meetingOf(clinic.booked.id)).toEqual({ zoomMeetingId: null, zoomJoinUrl: null });
    expect(await cancellations(clinic.organization.id)).toEqual([]);
  });
});
