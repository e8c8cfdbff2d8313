import { randomUUID } from "node:crypto";

import { devices } from "@playwright/test";

import { buildSignedOptOutToken } from "@/lib/visit-messages/opt-out-token-signature";

import { expect, signInOverHttp, test } from "./fixtures";
import { blockingViolations, expectAccessible, expectTouchTargets } from "./support/axe";

// The accessibility audit (issue 18, item 4; decision 034): every page, staff and patient, in its
// empty, loaded and error states, audited by axe-core (WCAG 2.1 A and AA). A serious or critical
// violation fails. The live "Patient waiting" state is audited in e2e/accessibility-live.spec.ts.

const { defaultBrowserType: _browser, ...PHONE } = devices["Pixel 7"];

type Factories = Parameters<Parameters<typeof test>[2]>[0]["factories"];

/** A clinic whose patient has a visit within the hour and one that ended yesterday. */
async function clinicWithVisits(factories: Factories) {
  const clinic = await factories.createClinic();
  const ids = {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
  };
  const upcoming = await factories.createVisit({
    ...ids,
    scheduledStart: new Date(Date.now() + 10 * 60_000),
  });
  await factories.createVisit({
    ...ids,
    scheduledStart: new Date(Date.now() - 24 * 60 * 60_000),
    status: "ENDED",
  });
  return { clinic, upcoming };
}

test("the audit finds violations when a page has them", async ({ page }) => {
  await page.goto("/sign-in");
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      '<button type="button"></button><img src="/icon.svg">',
    );
  });
  const found = await blockingViolations(page);
  expect(found.some((violation) => violation.startsWith("button-name"))).toBe(true);
  expect(found.some((violation) => violation.startsWith("image-alt"))).toBe(true);
});

test("signed-out pages, in English and Spanish, with their error states", async ({ page }) => {
  test.setTimeout(90_000);
  for (const path of [
    "/sign-in",
    "/sign-in?error=CredentialsSignin",
    "/sign-in/code",
    "/sign-in/code?step=enter&sent=1",
    "/sign-in/forgot-password",
    "/sign-in/forgot-password?sent=1",
    `/sign-in/invitation/${"a".repeat(43)}`,
    `/sign-in/reset-password/${"a".repeat(43)}`,
    "/signed-out?reason=inactivity",
    "/no-such-page",
  ]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email or username.")).toBeVisible();
  await expectAccessible(page, "sign-in, empty form sent");
  await page.getByLabel("Email or username").fill("nobody@carevisit.test");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/don't match an active account/)).toBeVisible();
  await expectAccessible(page, "sign-in, refused");

  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { name: "Iniciar sesión" })).toBeVisible();
  await expectAccessible(page, "sign-in in Spanish");
  await page.goto("/sign-in/code");
  await page.getByRole("button", { name: "Enviarme un código" }).click();
  await expect(page.getByText("Escriba una dirección de correo electrónico válida.")).toBeVisible();
  await expectAccessible(page, "code request in Spanish, invalid email");
});

test.describe("the patient's pages on a phone", () => {
  test.use(PHONE);

  test("signed-out pages have touch targets of 44 px", async ({ page }) => {
    for (const path of ["/sign-in", "/sign-in/code", "/sign-in/forgot-password"]) {
      await page.goto(path);
      await expectTouchTargets(page, path);
    }
  });

  test("the reminder opt-out page: the question, reminders stopped, a link that does not work", async ({
    page,
    factories,
  }) => {
    const clinic = await factories.createClinic();
    const token = buildSignedOptOutToken(
      clinic.patient.subject.id,
      process.env.E2E_AUTH_SECRET ?? "",
    );
    await page.goto(`/reminders/stop?token=${token}`);
    await expectAccessible(page, "reminder opt-out, the question");
    await expectTouchTargets(page, "reminder opt-out");
    await page.getByRole("button", { name: "Stop reminders" }).click();
    await expect(page.getByRole("heading", { name: "Reminders stopped" })).toBeVisible();
    await expectAccessible(page, "reminder opt-out, stopped");
    await expectTouchTargets(page, "reminder opt-out, stopped");
    await page.goto("/reminders/stop?token=v1.nothing");
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await expectAccessible(page, "reminder opt-out, a link that does not work");
  });

  test("My visits empty and loaded, the visit page, consent errors, not found, profile", async ({
    page,
    factories,
    db,
  }) => {
    test.setTimeout(90_000);
    const empty = await factories.createClinic();
    await signInOverHttp(page, empty.patient.user.email);
    await page.goto("/visits");
    await expect(page.getByText("You have no upcoming appointments.")).toBeVisible();
    await expectAccessible(page, "My visits, empty");
    await page.context().clearCookies();

    const { clinic, upcoming } = await clinicWithVisits(factories);
    await db.telehealthConsentVersion.create({
      data: {
        organizationId: clinic.organization.id,
        version: 1,
        body: "Video visits are private.\n\n- You can stop at any time.",
        createdById: clinic.admin.id,
      },
    });
    await signInOverHttp(page, clinic.patient.user.email);
    await page.goto("/visits");
    await expect(page.getByRole("heading", { name: "Past and cancelled" })).toBeVisible();
    await expectAccessible(page, "My visits, loaded");
    await expectTouchTargets(page, "My visits");
    await page.goto(`/visits/${upcoming.id}`);
    await expect(page.getByRole("region", { name: "Consent to video visits" })).toBeVisible();
    await expectAccessible(page, "visit page with the consent to sign");
    await expectTouchTargets(page, "visit page");
    await page.getByLabel("I have read this consent").check();
    await page.getByLabel("Type your full name to sign").fill("Somebody Else");
    await page.getByRole("button", { name: "Sign and continue" }).click();
    await expect(page.getByText(/Type your full name as your clinic has it/).first()).toBeVisible();
    await expectAccessible(page, "consent refused");
    await page.getByRole("button", { name: "I do not agree" }).click();
    await expectAccessible(page, "consent declined");
    await page.goto(`/visits/${upcoming.id}?join=not_yet`);
    await expectAccessible(page, "visit page, join refused");
    await page.goto(`/visits/${randomUUID()}`);
    await expect(page.getByRole("heading", { name: "Visit not found" })).toBeVisible();
    await expectAccessible(page, "visit not found");
    await page.goto("/profile");
    await expectAccessible(page, "profile");
    await page.getByRole("button", { name: "Español" }).click();
    await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await page.goto("/visits");
    await expect(page.getByRole("heading", { level: 1, name: "Mis consultas" })).toBeVisible();
    await expectAccessible(page, "My visits in Spanish");
  });
});

test("the care team's pages: search empty and loaded, a subject, video conferencing, Today", async ({
  page,
  factories,
}) => {
  test.setTimeout(90_000);
  const { clinic } = await clinicWithVisits(factories);
  await signInOverHttp(page, clinic.provider.email);
  const subject = clinic.patient.subject;
  for (const path of [
    "/subjects",
    "/subjects?q=zzzzqqqxxy",
    `/subjects?q=${encodeURIComponent(subject.lastName)}`,
    `/subjects/${subject.id}`,
    `/subjects/${subject.id}/video`,
    `/subjects/${randomUUID()}`,
    "/visit-not-found",
    "/today",
    "/profile",
  ]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  await page.goto(`/subjects/${subject.id}/video`);
  await page.getByRole("button", { name: "Schedule visit" }).click();
  await expectAccessible(page, "schedule visit, empty form sent");
});

test("the administrator's pages", async ({ page, factories }) => {
  test.setTimeout(90_000);
  const { clinic } = await clinicWithVisits(factories);
  await signInOverHttp(page, clinic.admin.email);
  for (const path of [
    "/settings",
    "/users",
    "/settings/zoom",
    "/settings/telehealth",
    "/settings/consent",
    "/reports",
    "/audit",
  ]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  await page.goto("/settings/consent");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expectAccessible(page, "consent text, empty form sent");
});
