import { describe, expect, it } from "vitest";

import { GuestRelationship } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { startVisit } from "@/lib/visits/start-visit";
import { getValidAccessToken } from "@/lib/zoom/tokens";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import {
  ensureVisitRegistrant,
  REGISTRANT_EMAIL_DOMAIN,
} from "@/lib/visits/registrants/ensure-visit-registrant";

const context = withZoomEmulator();

type EmulatorMeeting = {
  id: number;
  settings: Record<string, unknown>;
  registrants: { id: string; email: string; firstName: string; lastName: string }[];
};

async function emulatorMeeting(zoomMeetingId: bigint) {
  const state = await context.zoom.control<{ meetings: EmulatorMeeting[] }>("GET", "/state");
  const meeting = state.meetings.find((candidate) => BigInt(candidate.id) === zoomMeetingId);
  if (!meeting) throw new Error("meeting not in the emulator");
  return meeting;
}

async function visitWithMeeting() {
  const clinic = await createLinkedClinic(context.zoom);
  const { visit } = await startVisit({
    viewer: clinic.viewers.provider,
    subjectId: clinic.patient.subject.id,
  });
  const zoomMeetingId = visit.zoomMeetingId;
  if (zoomMeetingId === null) throw new Error("visit without meeting");
  return {
    clinic,
    visit: { id: visit.id, organizationId: clinic.organization.id, zoomMeetingId },
  };
}

describe("ensureVisitRegistrant", () => {
  it("registers the patient once, under concurrency, without their email, and stores the link encrypted", async () => {
    const { clinic, visit } = await visitWithMeeting();
    const person = { userId: clinic.patient.user.id, firstName: "Pat", lastName: "Lee" };

    const links = await Promise.all(
      Array.from({ length: 4 }, () => ensureVisitRegistrant({ visit, person })),
    );

    expect(new Set(links.map((link) => link.joinUrl)).size).toBe(1);
    expect(links[0]?.joinUrl).toMatch(/\/j\/\d+\?.*tk=/);
    const rows = await db.visitRegistrant.findMany({
      where: { visitId: visit.id },
      select: { userId: true, guestId: true, zoomRegistrantId: true, joinUrl: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: clinic.patient.user.id,
      guestId: null,
      zoomRegistrantId: links[0]?.zoomRegistrantId,
    });
    expect(rows[0]?.joinUrl).toMatch(/^v2\./);
    expect(rows[0]?.joinUrl).not.toContain("tk=");

    const meeting = await emulatorMeeting(visit.zoomMeetingId);
    expect(meeting.settings).toMatchObject({
      approval_type: 0,
      registrants_confirmation_email: false,
      registrants_email_notification: false,
    });
    expect(meeting.registrants).toHaveLength(1);
    expect(meeting.registrants[0]).toMatchObject({ firstName: "Pat", lastName: "Lee" });
    expect(meeting.registrants[0]?.email).toMatch(new RegExp(`@${REGISTRANT_EMAIL_DOMAIN}$`));
    expect(meeting.registrants[0]?.email).not.toContain(clinic.patient.user.email);

    // A later call reads the stored row and does not ask Zoom again.
    const again = await ensureVisitRegistrant({ visit, person });
    expect(again).toEqual(links[0]);
    expect((await emulatorMeeting(visit.zoomMeetingId)).registrants).toHaveLength(1);
  });

  it("registers a guest under their name, apart from the patient", async () => {
    const { clinic, visit } = await visitWithMeeting();
    const guest = await db.visitGuest.create({
      data: {
        organizationId: clinic.organization.id,
        visitId: visit.id,
        name: "Gina Guest",
        relationship: GuestRelationship.INTERPRETER,
        tokenHash: `hash-${visit.id}`,
        unusedUntil: new Date(Date.now() + 3_600_000),
        createdById: clinic.provider.id,
      },
      select: { id: true },
    });
    const patientLink = await ensureVisitRegistrant({
      visit,
      person: { userId: clinic.patient.user.id, firstName: "Pat", lastName: "Lee" },
    });
    const guestLink = await ensureVisitRegistrant({
      visit,
      person: { guestId: guest.id, firstName: "Gina", lastName: "Guest" },
    });

    expect(guestLink.joinUrl).not.toBe(patientLink.joinUrl);
    expect(guestLink.zoomRegistrantId).not.toBe(patientLink.zoomRegistrantId);
    const row = await db.visitRegistrant.findFirstOrThrow({
      where: { guestId: guest.id },
      select: { userId: true, zoomRegistrantId: true },
    });
    expect(row).toEqual({ userId: null, zoomRegistrantId: guestLink.zoomRegistrantId });
    const names = (await emulatorMeeting(visit.zoomMeetingId)).registrants.map(
      (registrant) => `${registrant.firstName} ${registrant.lastName}`,
    );
    expect(names.sort()).toEqual(["Gina Guest", "Pat Lee"]);
  });

  it("turns registration on for a meeting created without it (approval_type 2)", async () => {
    const { clinic, visit } = await visitWithMeeting();
    // As meetings were created before registration was on (the app no longer sends approval_type 2).
    const { token } = await getValidAccessToken(clinic.connection.id);
    const patched = await fetch(`${context.zoom.url}/v2/meetings/${visit.zoomMeetingId}`, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ settings: { approval_type: 2 } }),
    });
    expect(patched.status).toBe(204);

    const link = await ensureVisitRegistrant({
      visit,
      person: { userId: clinic.patient.user.id, firstName: "Pat", lastName: "Lee" },
    });

    expect(link.joinUrl).toContain("tk=");
    expect((await emulatorMeeting(visit.zoomMeetingId)).settings).toMatchObject({
      approval_type: 0,
      registrants_confirmation_email: false,
    });
  });
});
