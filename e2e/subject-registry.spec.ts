import { expect, test } from "./fixtures";

/** Letters only, unique per test: a name the search reads as a word. */
const uniqueName = (stem: string) =>
  `${stem}${Date.now().toString(36).replace(/\d/g, "")}${Math.random().toString(36).replace(/[\d.]/g, "").slice(0, 4)}`;

test("a care team member adds a subject, finds it by search at once, and edits it", async ({
  page,
  signInAs,
}) => {
  await signInAs("provider");
  const [lastName, newName] = [uniqueName("Registry"), uniqueName("Renamed")];
  await page.goto("/subjects");
  await page.getByRole("link", { name: "Add subject" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add subject" })).toBeVisible();
  await page.getByRole("button", { name: "Add subject" }).click();
  await expect(page.getByText("Enter the first name.")).toBeVisible();

  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Last name").fill(lastName);
  await page.getByLabel("Date of birth").fill("05/17/84");
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Add subject" }).click();
  await expect(page.getByText("Enter a valid email address, or leave it empty.")).toBeVisible();
  await expect(page.getByLabel("Last name")).toHaveValue(lastName);

  await page.getByLabel("Email").fill("");
  await page.getByLabel("Phone").fill("(555) 010-2030");
  await page.getByRole("button", { name: "Add subject" }).click();
  await expect(page).toHaveURL(/\/subjects\/[0-9a-f-]{36}$/);
  const subjectUrl = page.url();

  await page.goto("/subjects");
  await page.getByLabel("Search subjects").fill(lastName);
  await expect(page.getByRole("link", { name: "RFC-0000001" })).toBeVisible();

  await page.goto(subjectUrl);
  await page.getByRole("link", { name: "Edit subject" }).click();
  await expect(page.getByLabel("Date of birth")).toHaveValue("1984-05-17");
  await page.getByLabel("Last name").fill(newName);
  await page.getByRole("button", { name: "Save subject" }).click();
  await expect(page).toHaveURL(subjectUrl);

  await page.goto("/subjects");
  await page.getByLabel("Search subjects").fill(newName);
  await expect(page.getByRole("link", { name: "RFC-0000001" })).toBeVisible();
});

test("a probable duplicate asks: open it, or add anyway", async ({ page, signInAs, factories }) => {
  const clinic = await factories.createClinic();
  const existing = await factories.createSubject({
    organizationId: clinic.organization.id,
    lastName: uniqueName("Twin"),
    dateOfBirth: new Date("1984-05-17T00:00:00Z"),
  });
  await signInAs("provider", clinic);
  await page.goto("/subjects/new");
  await page.getByLabel("First name").fill(existing.firstName);
  await page.getByLabel("Last name").fill(existing.lastName);
  await page.getByLabel("Date of birth").fill("May 17 1984");
  await page.getByRole("button", { name: "Add subject" }).click();
  await expect(
    page.getByText(
      `A subject with this name and date of birth exists (${existing.recordNumber}): open it, or add anyway?`,
    ),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Open it" })).toHaveAttribute(
    "href",
    `/subjects/${existing.id}`,
  );
  await page.getByRole("button", { name: "Add anyway" }).click();
  await expect(page).toHaveURL(/\/subjects\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toContain(existing.id);
});
