import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";

async function requestCode(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Sign in with a code sent to your email" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in with a code" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByText(/we have emailed it a 6-digit code/)).toBeVisible();
}

/** Reads the newest code sent to the address from the development outbox page. */
async function codeFromOutbox(page: Page, email: string): Promise<string> {
  const outbox = await page.context().newPage();
  const message = outbox.getByRole("article").filter({ hasText: email }).first();
  // The email is sent just after the form's answer: reload until it is there.
  await expect(async () => {
    await outbox.goto("/dev/outbox");
    await expect(message).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  const subject = await message.getByRole("heading").textContent();
  await outbox.close();
  const code = /(\d{6})/.exec(subject ?? "")?.[1];
  expect(code, "the outbox should hold a code").toBeTruthy();
  return code ?? "";
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a patient signs in with a code from the email", async ({ page, factories }) => {
  const clinic = await factories.createClinic();
  const email = clinic.patient.user.email;
  await requestCode(page, email);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await enterCode(page, await codeFromOutbox(page, email));
  await expect(page).toHaveURL(/\/visits$/);
  await expect(page.getByRole("heading", { level: 1, name: "My visits" })).toBeVisible();
});

test("opening the email's link does not use up the code", async ({ page, factories }) => {
  const clinic = await factories.createClinic();
  const email = clinic.patient.user.email;
  await requestCode(page, email);
  const code = await codeFromOutbox(page, email);
  const scanner = await page.context().request.get(`/sign-in/code?step=enter&code=${code}`);
  expect(scanner.status()).toBe(200);
  await enterCode(page, code);
  await expect(page).toHaveURL(/\/visits$/);
});

test("a wrong code and a used code are refused with one message", async ({
  page,
  browser,
  factories,
}) => {
  const clinic = await factories.createClinic();
  const email = clinic.patient.user.email;
  await requestCode(page, email);
  const code = await codeFromOutbox(page, email);

  await enterCode(page, code === "000000" ? "111111" : "000000");
  await expect(
    page.getByRole("alert").filter({
      hasText: "That code is not right, or it has expired. Check the email, or request a new code.",
    }),
  ).toBeVisible();

  await enterCode(page, code);
  await expect(page).toHaveURL(/\/visits$/);

  const other = await browser.newPage();
  await other.goto("/sign-in/code?step=enter");
  await other.getByLabel("Email", { exact: true }).fill(email);
  await enterCode(other, code);
  await expect(
    other.getByRole("alert").filter({
      hasText: "That code is not right, or it has expired. Check the email, or request a new code.",
    }),
  ).toBeVisible();
  await other.close();
});

test("a malformed code is caught before it is checked", async ({ page }) => {
  await page.goto("/sign-in/code?step=enter");
  await page.getByLabel("Email", { exact: true }).fill("someone@example.com");
  await enterCode(page, "12ab");
  await expect(page.getByText("Enter the 6-digit code from the email.")).toBeVisible();
});
