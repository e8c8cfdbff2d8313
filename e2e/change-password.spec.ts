import { DEMO_PASSWORD } from "@/prisma/factories";

import { expect, signInOverHttp, test } from "./fixtures";

const NEW_PASSWORD = "a brand new password";

test.describe("Change password on /profile", () => {
  test("a patient changes their password: this browser stays signed in, the others are signed out", async ({
    page,
    browser,
    factories,
  }) => {
    const clinic = await factories.createClinic();
    const email = clinic.patient.user.email;
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signInOverHttp(other, email);
    await signInOverHttp(page, email);

    await page.goto("/profile");
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByLabel("Repeat the new password").fill("short");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Use a password of at least 12 characters.")).toBeVisible();

    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    await page.getByLabel("Current password").fill("not my password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("That is not your current password.")).toBeVisible();

    await page.getByLabel("Current password").fill(DEMO_PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed. Every other session has ended.")).toBeVisible();

    await page.goto("/visits");
    await expect(page.getByRole("heading", { level: 1, name: "My visits" })).toBeVisible();
    await other.goto("/visits");
    await expect(other).toHaveURL(/\/sign-in/);
    await otherContext.close();

    const fresh = await browser.newContext();
    await signInOverHttp(await fresh.newPage(), email, NEW_PASSWORD);
    await fresh.close();
  });
});
