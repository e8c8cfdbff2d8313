import type { Page } from "@playwright/test";

import { expect, signInOverHttp, test } from "./fixtures";
import { startInstantMeeting } from "./support/start-meeting";

// The care team's Today board (issue 16): the provider's home after sign-in, one live stream for
// every visit it shows, the waiting count in the tab's title, and no-shows marked by the job.

const boardRow = (page: Page, subjectName: string) =>
  page.getByRole("row").filter({ has: page.getByRole("link", { name: subjectName }) });

test("the provider lands on Today, and a patient's arrival shows on every board without a reload", async ({
  page,
  browser,
  signInAs,
  factories,
  linkZoom,
  zoom,
}) => {
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  await signInAs("provider", clinic);
  await page.goto("/");
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Subjects" }),
  ).toBeVisible();

  const { host, meetingId } = await startInstantMeeting(page, clinic.patient.subject.id);
  await host.close();
  await page.goto("/today");
  const subjectName = `${clinic.patient.subject.firstName} ${clinic.patient.subject.lastName}`;
  const row = boardRow(page, subjectName);
  await expect(row).toContainText("Not joined");
  await expect(row.getByRole("link", { name: /Join Meeting/ })).toBeVisible();
  await expect(page.getByText("Live: changes appear without reloading.")).toBeVisible();
  await expect(page).toHaveTitle("Today · CareVisit");

  // A coordinator (the clinic's admin) watches the whole clinic.
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signInOverHttp(coordinator, clinic.admin.email);
  await coordinator.goto("/today?who=clinic");
  const coordinatorRow = boardRow(coordinator, subjectName);
  await expect(coordinatorRow).toContainText("Not joined");

  await page.evaluate(() => Object.assign(window, { e2eBoardMark: true }));
  // The patient joins through Zoom (the emulator): the waiting room.
  const patient = clinic.patient.user;
  await zoom.control("POST", `/meetings/${meetingId}/participants`, {
    action: "join_waiting_room",
    name: `${patient.firstName} ${patient.lastName}`,
    customerKey: patient.id,
  });
  await expect(row).toContainText("Waiting for 0 min");
  await expect(page).toHaveTitle("(1) Today · CareVisit");
  await expect(coordinatorRow).toContainText("Waiting for 0 min");
  await expect(coordinator).toHaveTitle("(1) Today · CareVisit");
  expect(await page.evaluate(() => "e2eBoardMark" in window), "the page was reloaded").toBe(true);
  await coordinatorContext.close();
});

test("a visit nobody joined turns No-show on the open board, and the provider can undo it", async ({
  page,
  signInAs,
  factories,
}) => {
  test.setTimeout(150_000);
  const clinic = await factories.createClinic();
  // The clock, controlled: a 15-minute visit that began 26 minutes ago, so its slot and the
  // clinic's 10-minute grace are over; the next run of the no-show job (every minute) marks it.
  const visit = await factories.createVisit({
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(Date.now() - 26 * 60_000),
    durationMinutes: 15,
  });
  await signInAs("provider", clinic);
  await page.goto("/today");
  const subjectName = `${clinic.patient.subject.firstName} ${clinic.patient.subject.lastName}`;
  const row = boardRow(page, subjectName);
  await expect(row).toHaveAttribute("data-visit-id", visit.id);
  await expect(row).toContainText("No-show", { timeout: 120_000 });

  await row.getByText("Undo no-show", { exact: true }).first().click();
  await row.getByLabel("Reason").fill("Joined by phone");
  await row.getByRole("button", { name: "Undo no-show" }).click();
  // Its slot is over: Ended, as the Video Conferencing page says (one phase, lib/visits/visit-phase).
  await expect(row).toContainText("Ended");
  await expect(row).not.toContainText("No-show");
});

test("a past day is read-only, with attendance", async ({ page, signInAs, factories }) => {
  const clinic = await factories.createClinic();
  await factories.createVisit({
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(Date.now() - 2 * 86_400_000),
  });
  await signInAs("provider", clinic);
  const { timeZone } = clinic.organization;
  const dayOf = (instant: Date) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(instant);
  await page.goto("/today");
  await page.getByRole("link", { name: "Previous day" }).click();
  await expect(page).toHaveURL(new RegExp(`date=${dayOf(new Date(Date.now() - 86_400_000))}`));
  await page.getByRole("link", { name: "Previous day" }).click();
  await expect(page).toHaveURL(new RegExp(`date=${dayOf(new Date(Date.now() - 2 * 86_400_000))}`));
  const subjectName = `${clinic.patient.subject.firstName} ${clinic.patient.subject.lastName}`;
  const row = boardRow(page, subjectName);
  await expect(row).toContainText("Patient never joined");
  await expect(row.getByRole("link", { name: /Join Meeting/ })).toHaveCount(0);
  await expect(page.getByText("Past day: attendance as recorded.")).toBeVisible();

  await page.goto("/today?date=2999-01-01");
  await expect(page.getByText("That date is out of range")).toBeVisible();
  const other = await factories.createClinic();
  await page.goto(`/today?who=${other.provider.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
