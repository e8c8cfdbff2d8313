import { afterAll, describe, expect, it } from "vitest";

import { GuestRelationship, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { inviteGuest } from "@/lib/guests/invite-guest";
import { listVisitGuests } from "@/lib/guests/list-visit-guests";
import { revokeGuest } from "@/lib/guests/revoke-guest";
import { inviteGuestInputSchema } from "@/lib/guests/schemas";
import { sha256Hex } from "@/lib/crypto/hmac";
import { createVisit } from "@/prisma/factories";
import { appErrorOf } from "@/tests/support/app-error";
import { startSmtpInbox } from "@/tests/support/smtp-inbox";
import { createClinic } from "@/tests/support/viewers";

// Inviting a guest and revoking the link, against real PostgreSQL and a real SMTP server.
const inbox = await startSmtpInbox();
process.env.EMAIL_TRANSPORT = "smtp";
process.env.SMTP_URL = inbox.url;
afterAll(() => inbox.close());

const MINUTE = 60_000;

async function clinicWithVisit(visit: Partial<Parameters<typeof createVisit>[1]> = {}) {
  const clinic = await createClinic(db);
  const created = await createVisit(db, {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    ...visit,
  });
  return { clinic, visit: created };
}

const input = (visitId: string, overrides: Record<string, string> = {}) =>
  inviteGuestInputSchema.parse({
    visitId,
    name: "Ines Interpreter",
    relationship: GuestRelationship.INTERPRETER,
    email: "",
    ...overrides,
  });

const guestsOf = (visitId: string) => db.visitGuest.findMany({ where: { visitId } });
const auditOf = (action: string, targetId: string) =>
  db.auditEvent.findMany({ where: { action, targetId } });

describe("inviteGuest", () => {
  it("creates a link whose secret is not stored, audited with ids only", async () => {
    const { clinic, visit } = await clinicWithVisit();
    const link = await inviteGuest({ ...input(visit.id), viewer: clinic.viewers.provider });
    const token = link.url.split("/guest/")[1] ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [guest] = await guestsOf(visit.id);
    expect(guest).toMatchObject({
      id: link.guestId,
      name: "Ines Interpreter",
      relationship: GuestRelationship.INTERPRETER,
      email: null,
      tokenHash: sha256Hex(token),
      claimHash: null,
      createdById: clinic.provider.id,
    });
    expect(JSON.stringify(guest)).not.toContain(token);
    // Unused for the clinic's 60 minutes from the join window (15 minutes before the start).
    expect(guest!.unusedUntil.getTime()).toBe(visit.scheduledStart.getTime() + 45 * MINUTE);
    const [audit] = await auditOf("guest.invite", link.guestId);
    expect(audit).toMatchObject({ actorUserId: clinic.provider.id, subjectId: visit.subjectId });
    expect(audit!.details).toEqual({
      visitId: visit.id,
      relationship: "INTERPRETER",
      delivery: "link",
    });
    expect(JSON.stringify(audit!.details)).not.toContain(token);
  });

  it("emails the link in the chosen language, without the patient's name", async () => {
    const { clinic, visit } = await clinicWithVisit();
    const address = `guest-${visit.id}@example.test`;
    const since = Date.now();
    const link = await inviteGuest({
      ...input(visit.id, { email: address, locale: "es" }),
      viewer: clinic.viewers.provider,
    });
    expect(link.emailed).toBe(true);
    const email = await inbox.waitFor(address, { since });
    expect(email.subject).toBe(`${clinic.organization.name} le invita a una visita por video`);
    expect(email.text).toContain(link.url);
    expect(email.text).toContain("Hola, Ines Interpreter:");
    expect(email.text).not.toContain(clinic.patient.subject.lastName);
    expect((await guestsOf(visit.id))[0]).toMatchObject({ email: address, locale: "es" });
  });

  it("defaults the language to the subject's preferred one", async () => {
    const { clinic, visit } = await clinicWithVisit();
    await db.subject.update({ where: { id: visit.subjectId }, data: { preferredLanguage: "es" } });
    await inviteGuest({ ...input(visit.id), viewer: clinic.viewers.provider });
    expect((await guestsOf(visit.id))[0]?.locale).toBe("es");
  });

  it("refuses another clinic's visit, a patient, a cancelled or ended visit, and writes nothing", async () => {
    const { clinic, visit } = await clinicWithVisit();
    const other = await createClinic(db);
    expect(
      (await appErrorOf(inviteGuest({ ...input(visit.id), viewer: other.viewers.provider }))).code,
    ).toBe("not_found");
    expect(
      (await appErrorOf(inviteGuest({ ...input(visit.id), viewer: clinic.viewers.patient }))).code,
    ).toBe("forbidden");
    const cancelled = await clinicWithVisit({
      status: VisitStatus.CANCELLED,
      cancelledAt: new Date(),
    });
    const refusedCancelled = await appErrorOf(
      inviteGuest({ ...input(cancelled.visit.id), viewer: cancelled.clinic.viewers.provider }),
    );
    expect([refusedCancelled.code, refusedCancelled.publicMessage]).toEqual([
      "conflict",
      "This visit was cancelled.",
    ]);
    const over = await clinicWithVisit({ scheduledStart: new Date(Date.now() - 120 * MINUTE) });
    const refusedOver = await appErrorOf(
      inviteGuest({ ...input(over.visit.id), viewer: over.clinic.viewers.provider }),
    );
    expect([refusedOver.code, refusedOver.publicMessage]).toEqual([
      "conflict",
      "This visit is over.",
    ]);
    for (const visitId of [visit.id, cancelled.visit.id, over.visit.id])
      expect(await guestsOf(visitId)).toEqual([]);
    expect(
      await db.auditEvent.count({
        where: { action: "guest.invite", details: { path: ["visitId"], equals: visit.id } },
      }),
    ).toBe(0);
  });

  it("refuses an email with CR/LF, a missing name and an unknown relationship, with field messages", () => {
    const parsed = inviteGuestInputSchema.safeParse({
      visitId: "0190f5b2-7c1e-7a3b-9c4d-000000000001",
      name: " ",
      relationship: "BOSS",
      email: "ines@example.test\r\nBcc: all@example.test",
    });
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.flatten().fieldErrors;
    expect(fields.email).toEqual(["An email address cannot contain a line break."]);
    expect(fields.name).toEqual(["Enter the guest's name."]);
    expect(fields.relationship).toEqual(["Choose who the guest is."]);
    const trailing = inviteGuestInputSchema.safeParse({
      visitId: "0190f5b2-7c1e-7a3b-9c4d-000000000001",
      name: "Ines",
      relationship: "INTERPRETER",
      email: "ines@example.test\r\n",
    });
    expect(trailing.error?.flatten().fieldErrors.email).toEqual([
      "An email address cannot contain a line break.",
    ]);
    expect(
      inviteGuestInputSchema.safeParse({
        ...input("0190f5b2-7c1e-7a3b-9c4d-000000000001"),
        name: "x".repeat(101),
      }).success,
    ).toBe(false);
  });
});

describe("revokeGuest and the card's list", () => {
  it("revokes once, audited; another clinic's guest is not found", async () => {
    const { clinic, visit } = await clinicWithVisit();
    const link = await inviteGuest({ ...input(visit.id), viewer: clinic.viewers.provider });
    const other = await createClinic(db);
    expect(
      (await appErrorOf(revokeGuest({ viewer: other.viewers.admin, guestId: link.guestId }))).code,
    ).toBe("not_found");
    expect(
      (await listVisitGuests({ viewer: clinic.viewers.provider, visitIds: [visit.id] })).get(
        visit.id,
      )?.[0]?.status,
    ).toEqual({ kind: "not_used" });
    await revokeGuest({ viewer: clinic.viewers.provider, guestId: link.guestId });
    await revokeGuest({ viewer: clinic.viewers.provider, guestId: link.guestId });
    const [guest] = await guestsOf(visit.id);
    expect(guest).toMatchObject({ revokedById: clinic.provider.id });
    expect(await auditOf("guest.revoke", link.guestId)).toHaveLength(1);
    const listed = await listVisitGuests({ viewer: clinic.viewers.provider, visitIds: [visit.id] });
    expect(listed.get(visit.id)?.[0]?.status.kind).toBe("revoked");
    expect(
      (await listVisitGuests({ viewer: other.viewers.provider, visitIds: [visit.id] })).size,
    ).toBe(0);
  });
});
