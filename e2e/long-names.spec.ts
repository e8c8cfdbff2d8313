import type { Page } from "@playwright/test";

import { seedVisitHistory } from "@/prisma/seed-visit-history";

import { expect, signInOverHttp, test } from "./fixtures";

// A new clinic's staff member was named with 100 letters and no space: the reports page grew to
// 2,400 px and the users table's actions went off screen. Every page that shows a name must keep
// to the window, wrapping the name (shown in full) instead.

const LONG = `Wolfeschlegelsteinhausenbergerdorff${"x".repeat(65)}`;

/** How far the page, or any table's frame, is wider than it may be (0 when it fits). */
async function overflowOf(page: Page): Promise<{ page: number; tables: number[] }> {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    tables: [...document.querySelectorAll("table")].map(
      (table) => (table.parentElement?.scrollWidth ?? 0) - (table.parentElement?.clientWidth ?? 0),
    ),
  }));
}

async function expectToFit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByText(LONG).first()).toBeVisible();
  const overflow = await overflowOf(page);
  expect.soft(overflow.page, `${path} is wider than the window`).toBeLessThanOrEqual(0);
  for (const table of overflow.tables)
    expect.soft(table, `a table on ${path} scrolls sideways`).toBeLessThanOrEqual(0);
}

test("pages that show a 100-character name stay within the window", async ({
  page,
  factories,
  db,
  browser,
}) => {
  test.setTimeout(90_000);
  const clinic = await factories.createClinic();
  const organizationId = clinic.organization.id;
  await db.user.update({ where: { id: clinic.provider.id }, data: { lastName: LONG } });
  await db.user.update({ where: { id: clinic.admin.id }, data: { firstName: LONG } });
  await db.user.update({ where: { id: clinic.patient.user.id }, data: { firstName: LONG } });
  await db.subject.update({ where: { id: clinic.patient.subject.id }, data: { lastName: LONG } });
  await seedVisitHistory(db, {
    organizationId,
    providerIds: [clinic.provider.id],
    subjectIds: [clinic.patient.subject.id],
    count: 6,
    days: 5,
    now: new Date(),
  });
  await factories.createVisit({
    organizationId,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
  });

  await signInOverHttp(page, clinic.admin.email);
  await expectToFit(page, "/reports");
  await expectToFit(page, "/users");
  await expectToFit(page, "/audit");
  await expectToFit(page, "/settings");
  await expectToFit(page, `/subjects?q=${encodeURIComponent(LONG)}`);
  await expectToFit(page, `/subjects/${clinic.patient.subject.id}`);
  await expectToFit(page, `/subjects/${clinic.patient.subject.id}/video`);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const patient = await phone.newPage();
  await signInOverHttp(patient, clinic.patient.user.email);
  await expectToFit(patient, "/visits");
  await expectToFit(patient, "/profile");
  await phone.close();
});
