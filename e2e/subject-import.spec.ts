import { readFile } from "node:fs/promises";

import { parseCsv } from "@/tests/support/parse-csv";

import { expect, test } from "./fixtures";

const BAD_ROWS = [
  "E2E-3;Ana;Lopez;02/30/1984;",
  "E2E-4;;Lopez;05/17/1984;",
  'E2E-5;"=HYPERLINK(""http://x"")";Lopez;05/17/1984;',
  "E2E-1;Dup;Row;05/17/1984;",
  "E2E-6;Ana;Lopez;05/17/2099;",
  "E2E-7;Ana;Lopez;05/17/1984;not-an-email",
  "E2E-2;Other;Email;05/17/1984;e2e-1@example.org",
];

function importFile(): string {
  const rows = ["MRN;First name;Last name;DOB;Email"];
  for (let i = 1; i <= 493; i++)
    rows.push(`E2E-${i};Ana${i};"Lopez, ${i}";05/17/1984;e2e-${i}@example.org`);
  rows.splice(200, 0, ...BAD_ROWS);
  return `\uFEFF${rows.join("\r\n")}\r\n`;
}

test("an admin imports 500 rows with 7 bad ones, watches the progress and downloads the refused rows", async ({
  page,
  signInAs,
  db,
}) => {
  const clinic = await signInAs("admin");
  await page.goto("/subjects");
  await page.getByRole("link", { name: "Import subjects" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Import subjects" })).toBeVisible();
  await page.getByLabel("CSV file").setInputFiles({
    name: "patients.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(importFile()),
  });
  await page.getByRole("button", { name: "Upload" }).click();

  await expect(page.getByText("500 rows in the file.")).toBeVisible();
  await expect(page.getByLabel("Record number")).toHaveValue("0");
  await expect(page.getByLabel("Date of birth")).toHaveValue("3");
  await expect(page.getByRole("table", { name: "Preview of the first rows" })).toContainText("OK");
  await page.getByRole("button", { name: "Run import" }).click();

  await expect(page.getByRole("progressbar", { name: "Rows done" })).toBeVisible();
  await expect(page.getByText("500 of 500 rows done")).toBeVisible({ timeout: 30_000 });
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary).toContainText("Created493");
  await expect(summary).toContainText("Refused7");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download refused rows" }).click();
  const text = await readFile(await (await downloading).path(), "utf8");
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  expect(rows).toHaveLength(8);
  expect(rows[0]).toEqual(["Row", "MRN", "First name", "Last name", "DOB", "Email", "Reasons"]);
  expect(text).toContain(`'=HYPERLINK`);
  expect(rows.map((row) => row.at(-1)).join("\n")).toMatch(/same record number/);
  expect(
    await db.subject.count({
      where: { organizationId: clinic.organization.id, recordNumber: { startsWith: "E2E-" } },
    }),
  ).toBe(493);
});
