import { expect, test } from "./fixtures";
import { e2eSecondAppUrl } from "./support/environment";

const PASSWORD = "welcome-to-the-clinic-7";

test("an admin adds a care team member, who signs in, then deactivates them, which signs them out", async ({
  page,
  browser,
  signInAs,
}) => {
  await signInAs("admin");
  const suffix = Math.random().toString(36).slice(2, 8);
  const email = `new-provider-${suffix}@carevisit.test`;
  const name = `Rowan Newton${suffix}`;

  await page.goto("/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await page.getByLabel("First name").fill("Rowan");
  await page.getByLabel("Last name").fill(`Newton${suffix}`);
  await page.getByLabel("Email", { exact: true }).fill(email.toUpperCase());
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Care team member" });
  await page.getByLabel("Initial password").fill("too-short");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByLabel("Initial password")).toHaveAccessibleDescription(
    /at least 12 characters\./,
  );
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email.toUpperCase());

  await page.getByLabel("Initial password").fill(PASSWORD);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText(`${name} can now sign in.`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Care team");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Not mapped");

  // The new user signs in, in a browser of their own, with the email as typed in lower case.
  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto("/sign-in");
  await newcomer.getByLabel("Email or username").fill(email);
  await newcomer.getByLabel("Password").fill(PASSWORD);
  await newcomer.getByRole("button", { name: "Sign in" }).click();
  await expect(newcomer).toHaveURL(/\/today$/);
  // The same session on the second app instance (cookies are per host, not per port), which now
  // has the user's row in its cache.
  const elsewhere = await context.newPage();
  await elsewhere.goto(`${e2eSecondAppUrl()}/subjects`);
  await expect(elsewhere.getByRole("heading", { level: 1, name: "Subjects" })).toBeVisible();

  await row.getByLabel(`Manage ${name}`).click();
  await row.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expect(row.getByText(`${name} is deactivated and signed out.`)).toBeVisible();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: `Reactivate ${name}` })).toBeVisible();

  await newcomer.reload();
  await expect(newcomer).toHaveURL(/\/sign-in/);
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await context.close();

  await row.getByRole("button", { name: `Reactivate ${name}` }).click();
  await expect(row.getByText(`${name} can sign in again.`)).toBeVisible();
  await expect(row).toContainText("Active");
});

test("a care team member cannot open the Users page", async ({ page, signInAs }) => {
  await signInAs("provider");
  await page.goto("/users");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
