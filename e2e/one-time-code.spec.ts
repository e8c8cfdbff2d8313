import type { Page } from "@playwright/test";

import type { Mailbox } from "./fixtures";

import { expect, test } from "./fixtures";

async function requestCode(page: Page, email: string): Promise<number> {
  const since = Date.now();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Sign in with a code sent to your email" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in with a code" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByText(/we have emailed it a 6-digit code/)).toBeVisible();
  return since;
}

/** The code in the newest sign-in email to the address, as delivered over SMTP. */
async function codeFromMail(mailbox: Mailbox, email: string, since: number): Promise<string> {
  const message = await mailbox.waitFor(email, { since, subject: /sign-in code/ });
  const code = /(\d{6})/.exec(message.subject)?.[1];
  expect(code, "the email should hold a code").toBeTruthy();
  expect(message.text).toContain(`Your CareVisit sign-in code is ${code}`);
  return code ?? "";
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a patient signs in with a code from the email", async ({ page, factories, mailbox }) => {
  const clinic = await factories.createClinic();
  const email = clinic.patient.user.email;
  const since = await requestCode(page, email);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await enterCode(page, await codeFromMail(mailbox, email, since));
  await expect(page).toHaveURL(/\/visits$/);
  await expect(page.getByRole("heading", { level: 1, name: "My visits" })).toBeVisible();
});

test("opening the email's link does not use up the code", async ({ page, factories, mailbox }) => {
  const clinic = await factories.createClinic();
  const email = clinic.patient.user.email;
  const since = await requestCode(page, email);
  const code = await codeFromMail(mailbox, email, since);
  const scanner = await page.context().request.get(`/sign-in/code?step=enter&code=${code}`);
  expect(scanner.status()).toBe(200);
  await enterCode(page, code);
  await expect(page).toHaveURL(/\/visits$/);
});

test("a wrong code and a used code are refused with one message", async ({
  page,
  browser,
  factories,
  mailbox,
}) => {
  const clinic = await factories.createClinic();
  const email = clinic.patient.user.email;
  const since = await requestCode(page, email);
  const code = await codeFromMail(mailbox, email, since);

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
