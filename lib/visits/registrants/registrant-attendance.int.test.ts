import { describe, expect, it } from "vitest";

import { GuestRelationship, ParticipantRole, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { getJoinUrl } from "@/lib/visits/join-visit";
import { ensureVisitRegistrant } from "@/lib/visits/registrants/ensure-visit-registrant";
import { startVisit } from "@/lib/visits/start-visit";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";

// Each person we send in joins through their own registrant link; Zoom's webhooks then carry
// `registrant_id`, which names them whatever they type.
const context = withZoomEmulator({ receiveWebhooks: true });

async function startedVisit() {
  const clinic = await createLinkedClinic(context.zoom);
  const { visit } = await startVisit({
    viewer: clinic.viewers.provider,
    subjectId: clinic.patient.subject.id,
  });
  const stored = await db.visit.findUniqueOrThrow({
    where: { id: visit.id },
    select: { id: true, zoomMeetingId: true, zoomHostId: true },
  });
  const zoomMeetingId = stored.zoomMeetingId!;
  const move = (body: object) =>
    context.zoom.control<{ participant_uuid: string }>(
      "POST",
      `/meetings/${zoomMeetingId}/participants`,
      body,
    );
  return { clinic, visit: { ...stored, zoomMeetingId }, move };
}

const peopleOf = (visitId: string) =>
  db.visit.findUniqueOrThrow({
    where: { id: visitId },
    select: {
      status: true,
      participantEvents: { select: { role: true, userId: true, guestId: true } },
      attendances: {
        orderBy: { role: "asc" },
        select: { role: true, userId: true, guestId: true, displayName: true },
      },
    },
  });

async function inviteGuest(
  visit: { id: string },
  clinic: { organization: { id: string }; provider: { id: string } },
) {
  return db.visitGuest.create({
    data: {
      organizationId: clinic.organization.id,
      visitId: visit.id,
      name: "Ines Interpreter",
      relationship: GuestRelationship.INTERPRETER,
      tokenHash: `hash-${visit.id}`,
      unusedUntil: new Date(Date.now() + 3_600_000),
      createdById: clinic.provider.id,
    },
    select: { id: true },
  });
}

/** Joins through Zoom's web join page, typing `typedName`, as a browser would. */
async function joinThroughLink(joinUrl: string, typedName: string) {
  const url = new URL(joinUrl);
  const local = `${context.zoom.url}${url.pathname}`;
  const page = await fetch(`${local}${url.search}`);
  expect(page.status).toBe(200);
  const joined = await fetch(local, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      name: typedName,
      pwd: url.searchParams.get("pwd") ?? "",
      tk: url.searchParams.get("tk") ?? "",
    }),
    redirect: "manual",
  });
  expect(joined.status).toBe(303);
}

describe("per-person registrations", () => {
  it("names the patient who joins through the portal's link, whatever they type", async () => {
    const { clinic, visit, move } = await startedVisit();
    await move({ action: "join", name: "Dr Provider", zoomUserId: visit.zoomHostId });

    const joinUrl = await getJoinUrl({ viewer: clinic.viewers.patient, visitId: visit.id });
    expect(joinUrl).toContain("tk=");
    await joinThroughLink(joinUrl, "Guest");

    const state = await peopleOf(visit.id);
    expect(state.status).toBe(VisitStatus.IN_PROGRESS);
    expect(state.attendances).toEqual([
      expect.objectContaining({ role: ParticipantRole.PROVIDER, userId: clinic.provider.id }),
      expect.objectContaining({
        role: ParticipantRole.PATIENT,
        userId: clinic.patient.user.id,
        guestId: null,
      }),
    ]);
    expect(state.participantEvents).not.toContainEqual(
      expect.objectContaining({ role: ParticipantRole.UNKNOWN }),
    );
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: visit.id, action: "visit.join", actorUserId: clinic.patient.user.id },
      select: { details: true },
    });
    expect(audit.details).toMatchObject({ mode: "zoom", link: "registrant" });
  });

  it("records a guest's registrant as GUEST with their guest id, on the events and the stay", async () => {
    const { clinic, visit, move } = await startedVisit();
    const guest = await inviteGuest(visit, clinic);
    const { zoomRegistrantId } = await ensureVisitRegistrant({
      visit: { ...visit, organizationId: clinic.organization.id },
      person: { guestId: guest.id, firstName: "Ines", lastName: "Interpreter" },
    });

    await move({ action: "join", registrantId: zoomRegistrantId });

    const state = await peopleOf(visit.id);
    expect(state.participantEvents).toEqual([
      { role: ParticipantRole.GUEST, userId: null, guestId: guest.id },
    ]);
    expect(state.attendances).toEqual([
      {
        role: ParticipantRole.GUEST,
        userId: null,
        guestId: guest.id,
        displayName: "Ines Interpreter",
      },
    ]);
  });

  it("falls back to the older clues for a registrant id we did not create", async () => {
    const { clinic, visit, move } = await startedVisit();
    await move({
      action: "join",
      name: "Pat",
      email: clinic.patient.user.email,
      registrantId: "someone-elses-registrant",
    });
    await move({ action: "join", name: "Stranger", registrantId: "another-unknown" });

    const roles = (await peopleOf(visit.id)).attendances.map(({ role, userId }) => ({
      role,
      userId,
    }));
    expect(roles).toEqual([
      { role: ParticipantRole.PATIENT, userId: clinic.patient.user.id },
      { role: ParticipantRole.UNKNOWN, userId: null },
    ]);
  });
});
