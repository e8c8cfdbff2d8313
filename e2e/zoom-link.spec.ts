import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";

const ADD = "Add CareVisit to your Zoom Account";

async function openZoomConsent(page: Page) {
  await page.goto("/settings/zoom");
  await expect(page.getByText("Zoom is not linked.")).toBeVisible();
  await page.getByRole("button", { name: ADD }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Allow CareVisit to access your Zoom account?" }),
  ).toBeVisible();
}

test("an admin links Zoom on Zoom's consent page, sees the account, and removes it", async ({
  page,
  signInAs,
  zoom,
}) => {
  await signInAs("admin");
  const account = await zoom.createAccount();
  await openZoomConsent(page);
  await page.getByLabel("Signed in to Zoom as").selectOption(account.ownerEmail);
  await page.getByLabel("Allow this app to use my shared access permissions").check();
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page).toHaveURL(/\/settings\/zoom\?linked=1$/);
  await expect(
    page.getByText("Zoom is linked. Care teams can now start video visits."),
  ).toBeVisible();
  await expect(page.getByText(account.id)).toBeVisible();
  await expect(page.getByText(account.ownerEmail)).toBeVisible();

  await page.getByRole("button", { name: "Remove CareVisit from your Zoom Account" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove CareVisit from your Zoom account?" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Keep it").check();
  await dialog.getByRole("button", { name: "Remove Zoom" }).click();
  await expect(page).toHaveURL(/\/settings\/zoom\?removed=revoked$/);
  await expect(page.getByText("CareVisit was removed from your Zoom account.")).toBeVisible();
  await expect(page.getByRole("button", { name: ADD })).toBeVisible();
  await expect(page.getByText("Kept (retention allowed)")).toBeVisible();
});

test("declining on Zoom's page links nothing and says so", async ({ page, signInAs }) => {
  await signInAs("admin");
  await openZoomConsent(page);
  await page.getByRole("button", { name: "Decline" }).click();
  await expect(page).toHaveURL(/\/settings\/zoom\?error=declined$/);
  await expect(
    page.getByText("Zoom was not linked: the authorization was declined on Zoom's page."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: ADD })).toBeVisible();
});

test("a care team member sets their Video Conference User ID on their profile", async ({
  page,
  signInAs,
}) => {
  await signInAs("provider");
  await page.goto("/profile");
  const field = page.getByLabel("Video Conference User ID", { exact: true });
  await field.fill("not valid!");
  await page.getByRole("button", { name: "Save Video Conference User ID" }).click();
  await expect(
    page.getByText("A Zoom user id has only letters, digits, - and _ (no spaces or @)."),
  ).toBeVisible();
  await field.fill("KDcuGIm1QgePTO8WbOqwIQ");
  await page.getByRole("button", { name: "Save Video Conference User ID" }).click();
  await expect(page.getByText("Video Conference User ID saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Video Conference User ID", { exact: true })).toHaveValue(
    "KDcuGIm1QgePTO8WbOqwIQ",
  );
});

test("a care team member cannot open the video conferencing settings", async ({
  page,
  signInAs,
}) => {
  await signInAs("provider");
  await page.goto("/settings/zoom");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
