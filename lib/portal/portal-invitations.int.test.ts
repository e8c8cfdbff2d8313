import { afterAll, describe, expect, it } from "vitest";

import { PasswordLinkPurpose } from "@/generated/prisma/enums";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { db } from "@/lib/db/db";
import { findPasswordLink, hashLinkToken } from "@/lib/portal/password-links";
import { getPortalAccess } from "@/lib/portal/get-portal-access";
import { inviteToPortal } from "@/lib/portal/invite-to-portal";
import { removePortalAccess } from "@/lib/portal/remove-portal-access";
import { setPasswordWithLink } from "@/lib/portal/set-password-with-link";
import { createSubject } from "@/prisma/factories";
import { createClinic } from "@/tests/support/viewers";
import { linkIn, startSmtpInbox } from "@/tests/support/smtp-inbox";

// Invitations are delivered over real SMTP to a server this file starts, and read from there.
const inbox = await startSmtpInbox();
process.env.EMAIL_TRANSPORT = "smtp";
process.env.SMTP_URL = inbox.url;
process.env.APP_BASE_URL = "http://localhost:3999";
afterAll(() => inbox.close());

const PASSWORD = "a-long-new-password";

async function invitedSubject(preferredLanguage = "en") {
  const clinic = await createClinic(db);
  const subject = await createSubject(db, {
    organizationId: clinic.organization.id,
    preferredLanguage,
  });
  const email = (await db.subject.findUniqueOrThrow({ where: { id: subject.id } })).email ?? "";
  return { clinic, subject, email };
}

async function invite(
  subjectId: string,
  viewer: Parameters<typeof inviteToPortal>[0]["viewer"],
  email: string,
  subject = /invites you to CareVisit/,
) {
  const since = Date.now();
  await inviteToPortal({ subjectId, viewer });
  const message = await inbox.waitFor(email, { since, subject });
  const link = linkIn(message, "http://localhost:3999/sign-in/invitation/");
  return { message, token: link.split("/").at(-1) ?? "" };
}

describe("portal invitations", () => {
  it("creates the patient's account linked to the subject and emails a link stored only as a hash", async () => {
    const { clinic, subject, email } = await invitedSubject();
    const { message, token } = await invite(subject.id, clinic.viewers.provider, email);

    expect(message.subject).toBe(`${clinic.organization.name} invites you to CareVisit`);
    expect(message.html).toContain(`/sign-in/invitation/${token}`);
    const row = await db.subject.findUniqueOrThrow({
      where: { id: subject.id },
      select: { user: { select: { role: true, email: true, passwordHash: true } } },
    });
    expect(row.user).toEqual({ role: "PATIENT", email, passwordHash: null });
    const links = await db.passwordLink.findMany({ where: { user: { email } } });
    expect(links).toHaveLength(1);
    expect(links[0]?.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(links)).not.toContain(token);
    expect(links[0]?.expiresAt.getTime()).toBeCloseTo(Date.now() + 7 * 86_400_000, -5);
    const access = await getPortalAccess({ subjectId: subject.id, viewer: clinic.viewers.admin });
    expect(access).toMatchObject({
      state: "invited",
      invitedBy: `${clinic.provider.firstName} ${clinic.provider.lastName}`,
    });
    const audit = await db.auditEvent.findMany({
      where: { subjectId: subject.id, action: "portal.invite" },
    });
    expect(audit).toHaveLength(1);
  });

  it("writes to a Spanish-speaking patient in Spanish, and Resend invitation too", async () => {
    const { clinic, subject, email } = await invitedSubject("es");
    const spanish = /le invita a CareVisit/;
    const first = await invite(subject.id, clinic.viewers.provider, email, spanish);
    expect(first.message.subject).toBe(`${clinic.organization.name} le invita a CareVisit`);
    expect(first.message.text).toContain(
      `Elegir su contraseña:\nhttp://localhost:3999/sign-in/invitation/${first.token}`,
    );
    expect(first.message.text).toContain("durante 7 días");
    expect(first.message.html).toContain('<html lang="es">');
    expect(first.message.text).not.toMatch(/Hello|Set your password/);

    const resent = await invite(subject.id, clinic.viewers.admin, email, spanish);
    expect(resent.token).not.toBe(first.token);
    expect(resent.message.text).toContain("Hola, ");
  });

  it("is single use, and a second invitation invalidates the first", async () => {
    const { clinic, subject, email } = await invitedSubject();
    const first = await invite(subject.id, clinic.viewers.provider, email);
    const second = await invite(subject.id, clinic.viewers.admin, email);
    expect((await findPasswordLink(first.token, PasswordLinkPurpose.INVITATION)).status).toBe(
      "expired",
    );
    await expect(
      setPasswordWithLink({
        token: first.token,
        purpose: "INVITATION",
        password: PASSWORD,
        ip: null,
      }),
    ).rejects.toThrow(/expired or has already been used/);

    await setPasswordWithLink({
      token: second.token,
      purpose: "INVITATION",
      password: PASSWORD,
      ip: null,
    });
    expect((await findPasswordLink(second.token, PasswordLinkPurpose.INVITATION)).status).toBe(
      "used",
    );
    await expect(
      setPasswordWithLink({
        token: second.token,
        purpose: "INVITATION",
        password: "another-password-1",
        ip: null,
      }),
    ).rejects.toThrow(/expired or has already been used/);
    await expect(
      authenticateWithPassword({ identifier: email, password: PASSWORD, ip: null }),
    ).resolves.toMatchObject({ role: "PATIENT" });
    expect(
      await db.auditEvent.count({
        where: { subjectId: subject.id, action: "portal.invitation_resent" },
      }),
    ).toBe(1);
  });

  it("refuses a link after its 7 days", async () => {
    const { clinic, subject, email } = await invitedSubject();
    const { token } = await invite(subject.id, clinic.viewers.provider, email);
    await db.passwordLink.updateMany({
      where: { tokenHash: hashLinkToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await findPasswordLink(token, PasswordLinkPurpose.INVITATION)).status).toBe("expired");
    await expect(
      setPasswordWithLink({ token, purpose: "INVITATION", password: PASSWORD, ip: null }),
    ).rejects.toThrow(/expired/);
  });

  it("removal ends every session and revokes the link; the subject can be invited again", async () => {
    const { clinic, subject, email } = await invitedSubject();
    const { token } = await invite(subject.id, clinic.viewers.provider, email);
    const before = await db.user.findUniqueOrThrow({
      where: { email },
      select: { sessionVersion: true },
    });
    await removePortalAccess({ subjectId: subject.id, viewer: clinic.viewers.provider });
    const after = await db.user.findUniqueOrThrow({
      where: { email },
      select: { sessionVersion: true, isActive: true },
    });
    expect(after).toEqual({ sessionVersion: before.sessionVersion + 1, isActive: false });
    expect((await findPasswordLink(token, PasswordLinkPurpose.INVITATION)).status).toBe("unknown");
    expect(
      await getPortalAccess({ subjectId: subject.id, viewer: clinic.viewers.admin }),
    ).toMatchObject({ state: "removed" });

    const again = await invite(subject.id, clinic.viewers.admin, email);
    expect((await findPasswordLink(again.token, PasswordLinkPurpose.INVITATION)).status).toBe(
      "valid",
    );
    expect(
      await db.auditEvent.count({
        where: { subjectId: subject.id, action: "portal.access_removed" },
      }),
    ).toBe(1);
  });

  it("needs an email, and another clinic's subject is not found", async () => {
    const { clinic } = await invitedSubject();
    const other = await createClinic(db);
    const noEmail = await createSubject(db, {
      organizationId: clinic.organization.id,
      email: null,
    });
    await expect(
      inviteToPortal({ subjectId: noEmail.id, viewer: clinic.viewers.provider }),
    ).rejects.toThrow(/Add an email/);
    await expect(
      inviteToPortal({ subjectId: noEmail.id, viewer: other.viewers.provider }),
    ).rejects.toThrow(/not found/);
  });
});

describe("forgot password", () => {
  it("emails a 1-hour single-use reset link to an account, nothing to an unknown address", async () => {
    const { requestPasswordReset } = await import("@/lib/portal/request-password-reset");
    const clinic = await createClinic(db);
    const since = Date.now();
    await requestPasswordReset({ email: clinic.provider.email, ip: "198.51.100.77" });
    await requestPasswordReset({ email: `nobody-${since}@example.com`, ip: "198.51.100.77" });
    const message = await inbox.waitFor(clinic.provider.email, { since, subject: /Reset your/ });
    const token =
      linkIn(message, "http://localhost:3999/sign-in/reset-password/").split("/").at(-1) ?? "";
    const link = await db.passwordLink.findUniqueOrThrow({
      where: { tokenHash: hashLinkToken(token) },
    });
    expect(
      Math.abs(link.expiresAt.getTime() - link.createdAt.getTime() - 60 * 60_000),
    ).toBeLessThan(1_000);
    expect(inbox.messages.some((m) => m.to.includes(`nobody-${since}@example.com`))).toBe(false);
    await setPasswordWithLink({ token, purpose: "RESET", password: PASSWORD, ip: null });
    await expect(
      setPasswordWithLink({ token, purpose: "RESET", password: PASSWORD, ip: null }),
    ).rejects.toThrow(/already been used/);
    await expect(
      authenticateWithPassword({ identifier: clinic.provider.email, password: PASSWORD, ip: null }),
    ).resolves.toMatchObject({ id: clinic.provider.id });
  });

  it("writes to a Spanish-speaking patient in Spanish, to staff in English", async () => {
    const { requestPasswordReset } = await import("@/lib/portal/request-password-reset");
    const clinic = await createClinic(db);
    const patient = clinic.patient.user;
    await db.subject.update({
      where: { id: clinic.patient.subject.id },
      data: { preferredLanguage: "es" },
      select: { id: true },
    });
    const since = Date.now();
    await requestPasswordReset({ email: patient.email, ip: "198.51.100.78" });
    const message = await inbox.waitFor(patient.email, { since });
    expect(message.subject).toBe("Restablezca su contraseña de CareVisit");
    expect(message.text).toContain(`Hola, ${patient.firstName}:`);
    expect(message.text).toContain("durante 60 minutos");
    const token =
      linkIn(message, "http://localhost:3999/sign-in/reset-password/").split("/").at(-1) ?? "";
    expect((await findPasswordLink(token, PasswordLinkPurpose.RESET)).status).toBe("valid");

    // Staff read English (their side of the app is not translated).
    await requestPasswordReset({ email: clinic.admin.email, ip: "198.51.100.78" });
    const staff = await inbox.waitFor(clinic.admin.email, { since });
    expect(staff.subject).toBe("Reset your CareVisit password");
    expect(staff.html).toContain('<html lang="en">');
  });
});
