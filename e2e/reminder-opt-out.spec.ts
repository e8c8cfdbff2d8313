import { devices } from "@playwright/test";

import { VisitMessageKind, VisitMessageRecipient } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db/db-client";
import { buildSignedOptOutToken } from "@/lib/visit-messages/opt-out-token-signature";

import { expect, test } from "./fixtures";

// The patient's reminder opt-out (issue 15): the link in a reminder, opened signed out on a phone,
// stops reminders with a button and turns them back on; a changed link gets a clear page; a mail
// client's one-click POST (RFC 8058) stops them too. And the admin's Settings → Reminders card.

const { defaultBrowserType: _browser, ...PHONE } = devices["Pixel 7"];
const DAY = 24 * 60 * 60_000;

/** A token as the app servers sign it (the run's AUTH_SECRET, playwright.config.ts). */
const tokenFor = (subjectId: string) =>
  buildSignedOptOutToken(subjectId, process.env.E2E_AUTH_SECRET ?? "");

type Factories = Parameters<Parameters<typeof test>[2]>[0]["factories"];

/** A clinic whose patient has a visit in two days with its day-before reminder queued. */
async function clinicWithReminder(factories: Factories, db: Db) {
  const clinic = await factories.createClinic();
  const visit = await factories.createVisit({
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(Date.now() + 2 * DAY),
  });
  const reminder = await db.visitMessage.create({
    data: {
      organizationId: clinic.organization.id,
      visitId: visit.id,
      kind: VisitMessageKind.REMINDER,
      recipient: VisitMessageRecipient.PATIENT,
      sequence: 0,
      offsetMinutes: 1440,
      toAddress: clinic.patient.user.email,
      notBefore: new Date(visit.scheduledStart.getTime() - DAY),
    },
    select: { id: true },
  });
  const states = async () => ({
    subject: await db.subject.findUniqueOrThrow({
      where: { id: clinic.patient.subject.id },
      select: { remindersOptedOutAt: true },
    }),
    reminder: await db.visitMessage.findUniqueOrThrow({
      where: { id: reminder.id },
      select: { status: true },
    }),
  });
  return { clinic, token: tokenFor(clinic.patient.subject.id), states };
}

test.describe("the opt-out link on a phone, signed out", () => {
  test.use(PHONE);

  test("stops reminders with a button, and turns them back on", async ({ page, factories, db }) => {
    const { clinic, token, states } = await clinicWithReminder(factories, db);
    await page.goto(`/reminders/stop?token=${token}`);
    await expect(
      page.getByRole("heading", {
        name: `Stop visit reminders from ${clinic.organization.name}?`,
      }),
    ).toBeVisible();
    // Opening the link changed nothing: mail scanners open links too.
    expect(await states()).toEqual({
      subject: { remindersOptedOutAt: null },
      reminder: { status: "QUEUED" },
    });

    await page.getByRole("button", { name: "Stop reminders" }).click();
    await expect(page.getByRole("heading", { name: "Reminders stopped" })).toBeVisible();
    await expect(
      page.getByText(
        "You will no longer get reminders. Invitations and changes to your visits still arrive.",
      ),
    ).toBeVisible();
    const stopped = await states();
    expect(stopped.subject.remindersOptedOutAt).toBeInstanceOf(Date);
    expect(stopped.reminder.status).toBe("CANCELLED");

    await page.getByRole("button", { name: "Turn reminders back on" }).click();
    await expect(page.getByText("Reminders are on again.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Stop reminders" })).toBeVisible();
    expect(await states()).toEqual({
      subject: { remindersOptedOutAt: null },
      reminder: { status: "QUEUED" },
    });
  });

  test("speaks the patient's language, whatever the browser's", async ({ page, factories, db }) => {
    const { clinic, token } = await clinicWithReminder(factories, db);
    await db.subject.update({
      where: { id: clinic.patient.subject.id },
      data: { preferredLanguage: "es" },
    });
    await page.goto(`/reminders/stop?token=${token}`);
    await expect(page.locator("main")).toHaveAttribute("lang", "es");
    await expect(
      page.getByRole("heading", {
        name: `¿Dejar de recibir recordatorios de consultas de ${clinic.organization.name}?`,
      }),
    ).toBeVisible();
    await page.getByRole("button", { name: "Dejar de recibir recordatorios" }).click();
    await expect(page.getByRole("heading", { name: "Recordatorios desactivados" })).toBeVisible();
  });

  test("a changed link gets a clear page, and changes nothing", async ({ page, factories, db }) => {
    const { token, states } = await clinicWithReminder(factories, db);
    const changed = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    const response = await page.goto(`/reminders/stop?token=${changed}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await expect(page.getByRole("button")).toHaveCount(0);
    expect(await states()).toEqual({
      subject: { remindersOptedOutAt: null },
      reminder: { status: "QUEUED" },
    });
  });
});

test("a mail client's one-click POST stops reminders; a bad token is 400", async ({
  request,
  factories,
  db,
}) => {
  const { token, states } = await clinicWithReminder(factories, db);
  const form = { "List-Unsubscribe": "One-Click" };
  const bad = await request.post(`/api/reminders/stop?token=${token.slice(0, -1)}`, { form });
  expect(bad.status()).toBe(400);
  expect((await states()).subject.remindersOptedOutAt).toBeNull();
  const notOneClick = await request.post(`/api/reminders/stop?token=${token}`, {
    form: { "List-Unsubscribe": "Yes" },
  });
  expect(notOneClick.status()).toBe(400);
  const stopped = await request.post(`/api/reminders/stop?token=${token}`, { form });
  expect(stopped.status()).toBe(200);
  expect((await states()).reminder.status).toBe("CANCELLED");
});

test("an admin chooses the reminder times; five are refused with a message", async ({
  page,
  signInAs,
  db,
}) => {
  const clinic = await signInAs("admin");
  await page.goto("/settings");
  const card = page.locator("section", {
    has: page.getByRole("heading", { name: "Reminders and calendar entries" }),
  });
  await expect(card.getByLabel("24 hours before", { exact: true })).toBeChecked();
  await expect(card.getByLabel("15 minutes before", { exact: true })).toBeChecked();
  await card.getByLabel("15 minutes before", { exact: true }).uncheck();
  await card.getByLabel("1 hour before", { exact: true }).check();
  await card.getByLabel("No name").check();
  await card.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(card.getByText("Reminder settings saved.")).toBeVisible();
  await page.reload();
  await expect(card.getByLabel("1 hour before", { exact: true })).toBeChecked();
  await expect(card.getByLabel("15 minutes before", { exact: true })).not.toBeChecked();
  await expect(card.getByLabel("No name")).toBeChecked();
  const saved = { reminderOffsetsMinutes: [1440, 60], calendarSubjectName: "NONE" };
  const stored = () =>
    db.organization.findUniqueOrThrow({
      where: { id: clinic.organization.id },
      select: { reminderOffsetsMinutes: true, calendarSubjectName: true },
    });
  expect(await stored()).toEqual(saved);

  for (const time of ["1 week before", "3 days before", "2 days before"])
    await card.getByLabel(time, { exact: true }).check();
  await card.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(card.getByText("Choose at most 4 reminder times.")).toBeVisible();
  expect(await stored()).toEqual(saved);

  for (const time of ["1 week before", "3 days before", "2 days before", "24 hours before"])
    await card.getByLabel(time, { exact: true }).uncheck();
  await card.getByLabel("1 hour before", { exact: true }).uncheck();
  await expect(card.getByText("Reminders are off: patients get no reminders.")).toBeVisible();
  await card.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(card.getByText("Reminder settings saved.")).toBeVisible();
  expect((await stored()).reminderOffsetsMinutes).toEqual([]);
});
