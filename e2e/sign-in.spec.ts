import { expect, test } from "./fixtures";

const DEMO = [
  { email: "admin@carevisit.test", home: /\/today$/, heading: "Today" },
  { email: "provider@carevisit.test", home: /\/today$/, heading: "Today" },
  { email: "patient@carevisit.test", home: /\/visits$/, heading: "My visits" },
];

test.describe("sign-in with a password", () => {
  for (const account of DEMO) {
    test(`${account.email} lands on their home page`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in/);
      await page.getByLabel("Email or username").fill(account.email);
      await page.getByLabel("Password").fill("carevisit-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(account.home);
      await expect(page.getByRole("heading", { level: 1, name: account.heading })).toBeVisible();
    });
  }

  test("a username works as well as an email", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email or username").fill("provider");
    await page.getByLabel("Password").fill("carevisit-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/today$/);
  });

  test("a wrong password shows a clear message and keeps the identifier", async ({
    page,
    factories,
  }) => {
    const clinic = await factories.createClinic();
    await page.goto("/sign-in");
    await page.getByLabel("Email or username").fill(clinic.provider.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "That email or username and password don't match an active account." }),
    ).toBeVisible();
    await expect(page.getByLabel("Email or username")).toHaveValue(clinic.provider.email);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an empty form says what is missing", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email or username.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
  });

  test("returns to the page that asked for sign-in", async ({ page, factories }) => {
    const clinic = await factories.createClinic();
    await page.goto(`/subjects/${clinic.patient.subject.id}`);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByLabel("Email or username").fill(clinic.provider.email);
    await page.getByLabel("Password").fill("carevisit-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/subjects/${clinic.patient.subject.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      `${clinic.patient.subject.firstName} ${clinic.patient.subject.lastName}`,
    );
  });

  test("the sign-in address carries only the page asked for, never the router's _rsc", async ({
    page,
    signInAs,
  }) => {
    await page.goto("/subjects?q=Lopez&_rsc=abc123");
    expect(new URL(page.url()).search).toBe(
      `?callbackUrl=${encodeURIComponent("/subjects?q=Lopez")}`,
    );

    // A link followed after the session ended: the router asks for /profile?_rsc=… and is sent on.
    const clinic = await signInAs("provider");
    await page.goto(`/subjects/${clinic.patient.subject.id}`);
    await page.context().clearCookies();
    await page.getByRole("link", { name: /· Care team/ }).click();
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    expect(decodeURIComponent(page.url())).not.toContain("_rsc");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/profile");
  });

  test("signing out ends the session, even for a copy of its cookie", async ({
    page,
    signInAs,
  }) => {
    await signInAs("provider");
    const copied = await page.context().cookies();
    await page.goto("/subjects");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.context().addCookies(copied);
    await page.goto("/subjects");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
