import { devices, type Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { tomorrowInNewYork } from "./support/dates";

async function openVideoPage(page: Page, lastName: string, recordNumber: string) {
  await page.goto("/subjects");
  await page.getByLabel("Search subjects").fill(lastName);
  await page.getByRole("link", { name: recordNumber }).click();
  await page
    .getByRole("navigation", { name: "Subject" })
    .getByRole("link", { name: "Video Conferencing" })
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Video Conferencing" })).toBeVisible();
}

test("a care team member finds the subject, starts a meeting, and Join Meeting opens it in Zoom", async ({
  page,
  signInAs,
  factories,
  linkZoom,
}) => {
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  await signInAs("provider", clinic);
  const subject = clinic.patient.subject;
  await openVideoPage(page, subject.lastName, subject.recordNumber);

  // The button's name is on it, not only in a tooltip.
  await expect(page.getByText("Start meeting now", { exact: true })).toBeVisible();
  const started = page.context().waitForEvent("page");
  await page.getByRole("button", { name: "Start meeting now" }).click();
  const meeting = await started;
  await expect(
    meeting.getByRole("heading", { level: 1, name: "Host CareVisit video visit" }),
  ).toBeVisible();
  await meeting.close();

  const inProgress = page.getByRole("region", { name: "In progress" });
  await expect(inProgress.getByRole("article")).toHaveCount(1);
  await expect(inProgress.getByText("Patient not joined")).toBeVisible();
  const joined = page.context().waitForEvent("page");
  await inProgress.getByRole("link", { name: /Join Meeting/ }).click();
  const again = await joined;
  await expect(
    again.getByRole("heading", { level: 1, name: "Host CareVisit video visit" }),
  ).toBeVisible();
});

test("a care team member schedules, reschedules and cancels a visit", async ({
  page,
  signInAs,
  factories,
  linkZoom,
}) => {
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  await signInAs("provider", clinic);
  await page.goto(`/subjects/${clinic.patient.subject.id}/video`);
  const date = tomorrowInNewYork();

  const form = page.getByRole("region", { name: "Upcoming" });
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByLabel("Time", { exact: true }).fill("10:00");
  await page.getByRole("button", { name: "Schedule visit" }).click();
  await expect(page.getByText(/Visit scheduled for .* 10:00 AM/)).toBeVisible();
  await expect(form.getByRole("article")).toHaveCount(1);
  await expect(form.getByRole("article")).toContainText("10:00 AM");

  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByLabel("Time", { exact: true }).fill("10:15");
  await page.getByRole("button", { name: "Schedule visit" }).click();
  await expect(page.getByText(/already has a visit at/)).toBeVisible();
  // What was typed stays: the date does not go back to today, the time is not emptied.
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue(date);
  await expect(page.getByLabel("Time", { exact: true })).toHaveValue("10:15");

  await form.getByText("Reschedule").click();
  // With the form open, Cancel visit stays a button's height.
  const cancelBox = await form.getByRole("button", { name: "Cancel visit" }).boundingBox();
  expect(cancelBox?.height).toBeLessThan(60);
  await form.getByLabel("New time").fill("11:30");
  await form.getByRole("button", { name: "Save new time" }).click();
  await expect(form.getByRole("article")).toContainText("11:30 AM");
  // The visit moved away: the schedule form's conflict no longer holds, and is gone.
  await expect(page.getByText(/already has a visit at/)).toHaveCount(0);
  await expect(page.getByLabel("Time", { exact: true })).toHaveValue("10:15");

  await form.getByRole("button", { name: "Cancel visit" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this visit?" });
  await dialog.getByRole("button", { name: "Cancel visit" }).click();
  await expect(form.getByRole("article")).toHaveCount(0);
  await expect(
    page
      .getByRole("region", { name: "Past and cancelled" })
      .getByText("Cancelled", { exact: true }),
  ).toBeVisible();
});

test("a live visit offers no Reschedule or Cancel, and one ended before its start is under Past", async ({
  page,
  signInAs,
  factories,
  linkZoom,
}) => {
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  const base = {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
  };
  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);
  await factories.createVisit({
    ...base,
    scheduledStart: inMinutes(40),
    status: "IN_PROGRESS",
    startedAt: inMinutes(-3),
    patientPresence: "IN_MEETING",
    isProviderPresent: true,
  });
  await factories.createVisit({
    ...base,
    scheduledStart: inMinutes(120),
    status: "ENDED",
    startedAt: inMinutes(-30),
    endedAt: inMinutes(-5),
  });
  await signInAs("provider", clinic);
  await page.goto(`/subjects/${clinic.patient.subject.id}/video`);

  const inProgress = page.getByRole("region", { name: "In progress" });
  await expect(inProgress.getByRole("article")).toHaveCount(1);
  await expect(inProgress.getByTestId("live-presence")).toContainText("Patient in the meeting");
  await expect(inProgress.getByRole("link", { name: /Join Meeting/ })).toBeVisible();
  await expect(inProgress.getByText("Reschedule", { exact: true })).toHaveCount(0);
  await expect(inProgress.getByRole("button", { name: "Cancel visit" })).toHaveCount(0);
  await expect(
    page.getByRole("region", { name: "Upcoming" }).getByText("No upcoming visits."),
  ).toBeVisible();
  const past = page.getByRole("region", { name: "Past and cancelled" });
  await expect(past.getByRole("article")).toHaveCount(1);
  await expect(past.getByRole("article")).toContainText("Ended");
});

test("a join link for an unknown or foreign visit shows Visit not found in the browser", async ({
  page,
  signInAs,
  factories,
}) => {
  const clinic = await factories.createClinic();
  const other = await factories.createClinic();
  const foreign = await factories.createVisit({
    organizationId: other.organization.id,
    subjectId: other.patient.subject.id,
    providerId: other.provider.id,
  });
  await signInAs("provider", clinic);
  for (const visitId of [foreign.id, "0190f000-0000-7000-8000-000000000000", "not-a-visit"]) {
    const response = await page.goto(`/api/visits/${visitId}/join`);
    expect(response?.status(), visitId).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Visit not found" })).toBeVisible();
  }
  // Other callers still get the JSON answer.
  const api = await page.request.get(`/api/visits/${foreign.id}/join`, { maxRedirects: 0 });
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: { code: "not_found", message: "Visit not found" } });
});

test("without Zoom linked, the page says so instead of failing", async ({ page, signInAs }) => {
  const clinic = await signInAs("provider");
  await page.goto(`/subjects/${clinic.patient.subject.id}/video`);
  await expect(
    page
      .getByRole("status")
      .getByText("Zoom is not linked to CareVisit, so video visits cannot be created."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Start meeting now" })).toBeDisabled();
});

const { defaultBrowserType: _browser, ...phone } = devices["Pixel 7"];

test.describe("on a phone", () => {
  test.use(phone);

  test("a patient sees the appointment and joins it", async ({
    page,
    signInAs,
    factories,
    linkZoom,
  }) => {
    const clinic = await factories.createClinic();
    await linkZoom(clinic);
    await factories.createVisit({
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      scheduledStart: new Date(Date.now() + 5 * 60_000),
    });
    await signInAs("patient", clinic);
    await page.goto("/visits");
    const upcoming = page.getByRole("region", { name: "Upcoming" });
    await expect(upcoming.getByRole("article")).toHaveCount(1);
    await expect(
      upcoming.getByText(
        `${clinic.provider.firstName} ${clinic.provider.lastName} has not joined yet.`,
      ),
    ).toBeVisible();

    const opened = page.context().waitForEvent("page");
    await upcoming.getByRole("link", { name: /Join Meeting/ }).click();
    const meeting = await opened;
    await expect(
      meeting.getByRole("heading", { level: 1, name: "Join CareVisit video visit" }),
    ).toBeVisible();
    await meeting.getByLabel("Your name").fill(clinic.patient.user.firstName);
    await meeting.getByRole("button", { name: "Join" }).click();
    await expect(
      meeting.getByRole("heading", { level: 1, name: "Waiting for the host" }),
    ).toBeVisible();
  });

  test("a patient cannot join early and is told when", async ({ page, signInAs, factories }) => {
    const clinic = await factories.createClinic();
    await factories.createVisit({
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      scheduledStart: new Date(Date.now() + 3 * 3_600_000),
    });
    await signInAs("patient", clinic);
    await page.goto("/visits");
    const upcoming = page.getByRole("region", { name: "Upcoming" });
    await expect(upcoming.getByRole("button", { name: "Join Meeting" })).toBeDisabled();
    await expect(
      upcoming.getByText(/You can join from .*, 15 minutes before the visit\./),
    ).toBeVisible();
  });
});
