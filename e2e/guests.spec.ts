import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { MEETING_TOPIC, startInstantMeeting } from "./support/start-meeting";

// A guest invited by link (issue 16 item 5): the provider invites an interpreter from the visit's
// card, the guest opens the link in a browser of their own, without an account, and joins through
// the emulator's join page; the Today board shows "Interpreter" for that visit without a reload.

const boardRow = (page: Page, subjectName: string) =>
  page.getByRole("row").filter({ has: page.getByRole("link", { name: subjectName }) });

test("a guest invited by link joins, and the board shows the interpreter", async ({
  page,
  browser,
  signInAs,
  factories,
  linkZoom,
}) => {
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  await signInAs("provider", clinic);
  const { host } = await startInstantMeeting(page, clinic.patient.subject.id);
  await host.getByRole("button", { name: "Start meeting" }).click();
  await expect(
    host.getByRole("heading", { level: 1, name: `In meeting: ${MEETING_TOPIC}` }),
  ).toBeVisible();

  // Invite by link, relationship Interpreter: the link is shown once.
  await page.goto(`/subjects/${clinic.patient.subject.id}/video`);
  const card = page.getByRole("region", { name: "In progress" }).getByRole("article");
  await card.getByText("Invite a guest", { exact: true }).click();
  await card.getByLabel("Guest's name").fill("Ines Intérprete");
  await card.getByLabel("Relationship").selectOption({ label: "Interpreter" });
  await card.getByRole("button", { name: "Create guest link" }).click();
  const shown = card.getByText(/\/guest\/[A-Za-z0-9_-]{43}$/);
  await expect(shown).toBeVisible();
  const link = (await shown.textContent())?.trim() ?? "";
  await expect(card.getByRole("region", { name: "Guests" })).toContainText(
    "Ines Intérprete · Interpreter",
  );
  await expect(card.getByRole("region", { name: "Guests" })).toContainText("Not used yet");

  await page.goto("/today");
  const subjectName = `${clinic.patient.subject.firstName} ${clinic.patient.subject.lastName}`;
  const row = boardRow(page, subjectName);
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("Interpreter");
  await page.evaluate(() => Object.assign(window, { e2eBoardMark: true }));

  // The guest: a browser of their own, signed out. The page names the clinic, never the patient.
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(link);
  await expect(
    guest.getByRole("heading", { level: 1, name: `Video visit with ${clinic.organization.name}` }),
  ).toBeVisible();
  await expect(guest.locator("body")).not.toContainText(clinic.patient.subject.lastName);
  await guest.getByRole("button", { name: "Join" }).click();
  await expect(
    guest.getByRole("heading", { level: 1, name: `Join ${MEETING_TOPIC}` }),
  ).toBeVisible();
  await expect(guest.getByLabel("Your name")).toHaveValue(/Ines Intérprete/);
  await guest.getByRole("button", { name: "Join" }).click();
  await expect(
    guest.getByRole("heading", { level: 1, name: "Waiting for the host" }),
  ).toBeVisible();

  await expect(row).toContainText("Interpreter waiting");
  await host.getByRole("button", { name: /^Admit Ines Intérprete/ }).click();
  await expect(row).toContainText("Interpreter in the meeting");
  expect(await page.evaluate(() => "e2eBoardMark" in window), "the page was reloaded").toBe(true);

  // A second browser with the same link is refused: the link is one person's.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto(link);
  await expect(
    other.getByRole("heading", { level: 1, name: "This link is already in use" }),
  ).toBeVisible();
  await expect(other.getByRole("button", { name: "Join" })).toHaveCount(0);

  // The attendance log names the guest under their relationship.
  await page.goto(`/subjects/${clinic.patient.subject.id}/video`);
  await expect(
    page.getByRole("region", { name: "In progress" }).getByRole("table", { name: "Attendance" }),
  ).toContainText("Ines Intérprete · Interpreter");
  await guestContext.close();
  await otherContext.close();
});

test("a tampered guest link does not work, signed out", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/guest/${"A".repeat(43)}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "This link does not work" }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/guest\//);
  await context.close();
});
