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

async function linkAtZoom(page: Page, ownerEmail: string) {
  await openZoomConsent(page);
  await page.getByLabel("Signed in to Zoom as").selectOption(ownerEmail);
  await page.getByLabel("Allow this app to use my shared access permissions").check();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/settings\/zoom\?linked=1$/);
}

async function openRemoveDialog(page: Page) {
  await page.getByRole("button", { name: "Remove CareVisit from your Zoom Account" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove CareVisit from your Zoom account?" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("an admin links Zoom on Zoom's consent page, sees the account, and removes it", async ({
  page,
  signInAs,
  zoom,
}) => {
  await signInAs("admin");
  const account = await zoom.createAccount();
  await linkAtZoom(page, account.ownerEmail);
  await expect(
    page.getByText("Zoom is linked. Care teams can now start video visits."),
  ).toBeVisible();
  // The account as Zoom names it (GET /users/me): the authorizing user's name and email, then its id.
  const zoomAccount = page.locator("dt", { hasText: "Zoom account" }).locator("xpath=../dd");
  await expect(zoomAccount).toContainText("Olive Owner");
  await expect(zoomAccount).toContainText(account.ownerEmail);
  await expect(zoomAccount).toContainText(`Account ID ${account.id}`);

  const dialog = await openRemoveDialog(page);
  await dialog.getByLabel("Keep Zoom data").check();
  await dialog.getByRole("button", { name: "Remove Zoom" }).click();
  await expect(page).toHaveURL(/\/settings\/zoom\?removed=revoked$/);
  await expect(page.getByText("CareVisit was removed from your Zoom account.")).toBeVisible();
  await expect(page.getByRole("button", { name: ADD })).toBeVisible();
  await expect(page.getByText("Kept (retention allowed)")).toBeVisible();
});

test("removing Zoom asks for a retention choice with none preselected, and a deletion can be cancelled", async ({
  page,
  signInAs,
  zoom,
}) => {
  await signInAs("admin");
  const account = await zoom.createAccount();
  await linkAtZoom(page, account.ownerEmail);

  const dialog = await openRemoveDialog(page);
  const keep = dialog.getByRole("radio", { name: "Keep Zoom data" });
  const remove = dialog.getByRole("radio", { name: "Delete it, 24 hours from now" });
  await expect(keep).not.toBeChecked();
  await expect(remove).not.toBeChecked();
  await dialog.getByRole("button", { name: "Remove Zoom" }).click();
  await expect(dialog.getByText("Choose whether CareVisit may keep the Zoom data.")).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/zoom\?linked=1$/);

  await remove.check();
  await dialog.getByRole("button", { name: "Remove Zoom" }).click();
  await expect(page).toHaveURL(/\/settings\/zoom\?removed=revoked$/);
  await expect(page.getByText("Deletion pending")).toBeVisible();
  await page.getByRole("button", { name: "Cancel deletion" }).click();
  await expect(page.getByText("Deletion cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel deletion" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("Deletion cancelled", { exact: true })).toBeVisible();
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
