import { createHash } from "node:crypto";

import type { Browser } from "@playwright/test";

import { expect, test } from "./fixtures";
import { tomorrowInNewYork } from "./support/dates";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const INVITATION_PATH = /\/sign-in\/invitation\/[A-Za-z0-9_-]{43}/;

async function phonePage(browser: Browser) {
  const context = await browser.newContext(PHONE);
  return context.newPage();
}

test("a new subject is invited, sets a password on a phone and sees the visit the provider schedules", async ({
  page,
  browser,
  signInAs,
  factories,
  linkZoom,
  mailbox,
}) => {
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  const subject = await factories.createSubject({ organizationId: clinic.organization.id });
  const email = `invitee-${subject.id.slice(-12)}@example.com`;
  await factories.updateSubjectEmail(subject.id, email);
  await signInAs("provider", clinic);

  await page.goto(`/subjects/${subject.id}`);
  const portal = page.getByRole("region", { name: "Patient portal" });
  await expect(portal.getByText("Not invited")).toBeVisible();
  const since = Date.now();
  await portal.getByRole("button", { name: "Invite to portal" }).click();
  await expect(portal.getByText("Invited", { exact: true })).toBeVisible();
  await expect(portal.getByRole("button", { name: "Resend invitation" })).toBeVisible();

  const message = await mailbox.waitFor(email, { since, subject: /invites you to CareVisit/ });
  expect(message.subject).toBe(`${clinic.organization.name} invites you to CareVisit`);
  const link = INVITATION_PATH.exec(message.text)?.[0] ?? "";
  expect(link).not.toBe("");
  expect(message.html).toContain(link);

  const patient = await phonePage(browser);
  await patient.goto(link);
  await expect(patient.getByText(`${clinic.organization.name}`)).toBeVisible();
  await expect(patient.getByText(/invited you to CareVisit/)).toBeVisible();
  await patient.getByLabel("New password").fill("my-own-portal-password");
  await patient.getByLabel("Repeat the password").fill("my-own-portal-password");
  await patient.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(patient).toHaveURL(/\/visits$/);
  await expect(patient.getByRole("heading", { level: 1, name: "My visits" })).toBeVisible();
  await expect(patient.getByText("You have no upcoming appointments.")).toBeVisible();
  // Nothing wider than the phone's screen.
  expect(await patient.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    390,
  );

  await page.goto(`/subjects/${subject.id}/video`);
  await page.getByLabel("Date", { exact: true }).fill(tomorrowInNewYork());
  await page.getByLabel("Time", { exact: true }).fill("10:00");
  await page.getByRole("button", { name: "Schedule visit" }).click();
  await expect(page.getByText(/Visit scheduled for .* 10:00 AM/)).toBeVisible();

  await patient.reload();
  const upcoming = patient.getByRole("region", { name: "Upcoming" });
  await expect(upcoming.getByText(/10:00 AM/)).toBeVisible();

  await page.goto(`/subjects/${subject.id}`);
  await expect(portal.getByText("Active", { exact: true })).toBeVisible();
  await expect(portal.getByText(/Last signed in/)).toBeVisible();

  // The link is used: opening it again says so, and offers a one-time code.
  const again = await phonePage(browser);
  await again.goto(link);
  await expect(
    again.getByRole("heading", { name: "This invitation has already been used" }),
  ).toBeVisible();
  await expect(again.getByRole("button", { name: "Email me a code" })).toBeVisible();
});

test("an expired invitation link says so and offers a one-time code", async ({
  browser,
  db,
  signInAs,
  page,
  factories,
  mailbox,
}) => {
  const clinic = await factories.createClinic();
  const subject = await factories.createSubject({ organizationId: clinic.organization.id });
  const email = `late-${subject.id.slice(-12)}@example.com`;
  await factories.updateSubjectEmail(subject.id, email);
  await signInAs("provider", clinic);
  await page.goto(`/subjects/${subject.id}`);
  const since = Date.now();
  await page.getByRole("button", { name: "Invite to portal" }).click();
  const message = await mailbox.waitFor(email, { since, subject: /invites you/ });
  const link = INVITATION_PATH.exec(message.text)?.[0] ?? "";
  const token = link.split("/").at(-1) ?? "";
  await db.passwordLink.updateMany({
    where: { tokenHash: createHash("sha256").update(`password-link:${token}`).digest("hex") },
    data: { expiresAt: new Date(Date.now() - 60_000) },
  });

  const patient = await phonePage(browser);
  await patient.goto(link);
  await expect(patient.getByRole("heading", { name: "This invitation has expired" })).toBeVisible();
  await patient.getByLabel("Email", { exact: true }).fill(email);
  await patient.getByRole("button", { name: "Email me a code" }).click();
  await expect(patient.getByText(/we have emailed it a 6-digit code/)).toBeVisible();
});

test("a subject without an email cannot be invited, and the Overview says why", async ({
  page,
  signInAs,
  factories,
}) => {
  const clinic = await factories.createClinic();
  const subject = await factories.createSubject({
    organizationId: clinic.organization.id,
    email: null,
  });
  await signInAs("provider", clinic);
  await page.goto(`/subjects/${subject.id}`);
  const portal = page.getByRole("region", { name: "Patient portal" });
  await expect(portal.getByText(/unavailable: the subject has no email address/)).toBeVisible();
  await expect(portal.getByRole("button", { name: "Invite to portal" })).toHaveCount(0);
});
