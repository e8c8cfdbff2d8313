import { readFile } from "node:fs/promises";

import { parseCsv } from "@/tests/support/parse-csv";
import { seedVisitHistory } from "@/prisma/seed-visit-history";

import { expect, test } from "./fixtures";

const WAIT_CHART = "Median wait for the provider per day";

test("an admin reads the visit report, its charts and tables, and downloads the attendance", async ({
  page,
  signInAs,
  db,
}) => {
  const clinic = await signInAs("admin");
  const organizationId = clinic.organization.id;
  // Past visits with attendance, as the demo seed makes them: all within the last 10 days.
  await seedVisitHistory(db, {
    organizationId,
    providerIds: [clinic.provider.id],
    subjectIds: [clinic.patient.subject.id],
    count: 40,
    days: 10,
    now: new Date(),
  });
  const stays = await db.attendance.count({ where: { visit: { organizationId } } });

  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Visit report" })).toBeVisible();
  await expect(page.locator("dl > div").filter({ hasText: "Scheduled" })).toContainText("40");
  await expect(page.getByRole("img", { name: WAIT_CHART })).toBeVisible();
  await expect(page.getByRole("table", { name: WAIT_CHART })).toBeVisible();
  await expect(page.getByRole("img", { name: "No-show rate per provider" })).toBeVisible();
  await expect(page.getByRole("table", { name: "No-shows per provider" })).toContainText(
    `${clinic.provider.firstName} ${clinic.provider.lastName}`,
  );

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download attendance (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^attendance-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const rows = parseCsv((await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, ""));
  expect(rows[0]?.[0]).toBe("Visit ID");
  expect(rows).toHaveLength(1 + stays);
  expect(
    await db.auditEvent.count({ where: { organizationId, action: "attendance.export" } }),
  ).toBe(1);

  await page.goto("/audit?action=attendance.export");
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit events, newest first" })).toContainText(
    "Downloaded the attendance log",
  );
});

test("bad report parameters get a reason, on the page and from the export", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  await page.goto("/reports?from=2026-02-30");
  await expect(
    page.getByRole("alert").filter({ hasText: "From must be a date written yyyy-mm-dd" }),
  ).toBeVisible();
  await page.goto("/reports?providerId=0190c3a4-0000-7000-8000-000000000000");
  await expect(page.getByRole("alert").filter({ hasText: "Unknown provider" })).toBeVisible();

  const reversed = await page.request.get(
    "/api/reports/attendance.csv?from=2026-03-01&to=2026-01-01",
  );
  expect(reversed.status()).toBe(400);
  expect(await reversed.json()).toMatchObject({
    error: { code: "bad_request", message: "The start date is after the end date" },
  });
  const tooLong = await page.request.get(
    "/api/reports/attendance.csv?from=2024-01-01&to=2026-01-01",
  );
  expect(tooLong.status()).toBe(400);
});

test("a care team member cannot open reports, the audit trail or the export", async ({
  page,
  signInAs,
  playwright,
  baseURL,
}) => {
  await signInAs("provider");
  for (const path of ["/audit", "/reports"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
  expect((await page.request.get("/api/reports/attendance.csv")).status()).toBe(404);

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/reports/attendance.csv")).status()).toBe(401);
  await anonymous.dispose();
});
