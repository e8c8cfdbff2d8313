import { devices } from "@playwright/test";

import { expect, signInOverHttp, test } from "./fixtures";
import { tabTo } from "./support/keyboard";
import { tomorrowInNewYork } from "./support/dates";

// Keyboard-only journeys (issue 18, item 4; decision 034): signing in, linking Zoom, scheduling
// and joining (the provider starts the meeting, the patient joins it), with Tab, typing, Space and
// Enter only, every focused control visibly focused.

const { defaultBrowserType: _browser, ...PHONE } = devices["Pixel 7"];

test("signing in with the keyboard alone", async ({ page, factories }) => {
  const clinic = await factories.createClinic();
  await page.goto("/sign-in");
  await tabTo(page, page.getByLabel("Email or username"));
  await page.keyboard.type(clinic.provider.email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type("carevisit-demo");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/today$/);
});

test("linking Zoom, scheduling, starting and joining a visit, with the keyboard alone", async ({
  page,
  browser,
  factories,
  zoom,
}) => {
  test.setTimeout(90_000);
  const clinic = await factories.createClinic();
  const account = await zoom.createAccount();
  await signInOverHttp(page, clinic.admin.email);
  await page.goto("/settings/zoom");
  await tabTo(page, page.getByRole("button", { name: "Add CareVisit to your Zoom Account" }));
  await page.keyboard.press("Enter");
  const signedInAs = page.getByLabel("Signed in to Zoom as");
  await tabTo(page, signedInAs);
  while ((await signedInAs.inputValue()) !== account.ownerEmail)
    await page.keyboard.press("ArrowDown");
  await tabTo(page, page.getByLabel("Allow this app to use my shared access permissions"));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Allow" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings\/zoom\?linked=1$/);

  const provider = await browser.newPage();
  await signInOverHttp(provider, clinic.provider.email);
  await provider.goto(`/subjects/${clinic.patient.subject.id}/video`);
  const [year = "", month = "", day = ""] = tomorrowInNewYork().split("-");
  await tabTo(provider, provider.getByLabel("Date", { exact: true }));
  await provider.keyboard.type(`${month}${day}${year}`);
  await tabTo(provider, provider.getByLabel("Time", { exact: true }));
  await provider.keyboard.type("1000AM");
  await tabTo(provider, provider.getByRole("button", { name: "Schedule visit" }));
  await provider.keyboard.press("Enter");
  await expect(provider.getByText(/Visit scheduled for .* 10:00 AM/)).toBeVisible();

  const hostTab = provider.context().waitForEvent("page");
  await tabTo(provider, provider.getByRole("button", { name: "Start meeting now" }));
  await provider.keyboard.press("Enter");
  await expect((await hostTab).getByRole("heading", { level: 1, name: /^Host / })).toBeVisible();

  const phone = await browser.newContext(PHONE);
  const patient = await phone.newPage();
  await signInOverHttp(patient, clinic.patient.user.email);
  await patient.goto("/visits");
  const joinTab = patient.context().waitForEvent("page");
  await tabTo(patient, patient.getByRole("link", { name: /Join Meeting/ }));
  await patient.keyboard.press("Enter");
  await expect((await joinTab).getByRole("heading", { level: 1, name: /^Join / })).toBeVisible();
  await provider.context().close();
  await phone.close();
});
