import { expect, test } from "./fixtures";

const ENCRYPTED = "Encrypted telehealth links (EMR integration)";
const PRIVACY = "Include patients' and providers' names and email in the link";
const API_KEY = "carevisit-e2e.org_1";
const API_SECRET = "e2e-telehealth-secret-42";

test("an admin switches to encrypted telehealth links, is told what is missing, and saves", async ({
  page,
  signInAs,
  db,
}) => {
  const clinic = await signInAs("admin");
  await page.goto("/settings/telehealth");
  await expect(
    page.getByRole("heading", { level: 1, name: "Telehealth (EMR-style) join links" }),
  ).toBeVisible();
  await expect(page.getByLabel("Zoom's own meeting links")).toBeChecked();
  const apiKey = page.getByLabel("API key (org_id)");
  const apiSecret = page.getByLabel("API secret", { exact: true });
  const save = page.getByRole("button", { name: "Save telehealth settings" });

  await page.getByLabel(ENCRYPTED).check();
  await save.click();
  await expect(
    page.getByText("The telehealth settings were not saved: see the messages next to the fields."),
  ).toBeVisible();
  await expect(apiKey).toHaveAccessibleDescription(
    /Enter the API key \(org_id\) from Zoom to use encrypted telehealth links\./,
  );
  await expect(apiSecret).toHaveAccessibleDescription(
    /Enter the API secret from Zoom to use encrypted telehealth links\./,
  );
  await expect(page.getByLabel(ENCRYPTED)).toBeChecked();

  await apiKey.fill(API_KEY);
  await apiSecret.fill(API_SECRET);
  await page.getByLabel(PRIVACY).uncheck();
  await save.click();
  await expect(page.getByText("Telehealth settings saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel(ENCRYPTED)).toBeChecked();
  await expect(apiKey).toHaveValue(API_KEY);
  await expect(apiSecret).toHaveValue("");
  await expect(apiSecret).toHaveAccessibleDescription(/Leave empty to keep the stored secret\./);
  await expect(page.getByLabel(PRIVACY)).not.toBeChecked();
  expect(await page.content()).not.toContain(API_SECRET);

  const row = await db.telehealthSettings.findUniqueOrThrow({
    where: { organizationId: clinic.organization.id },
    select: { joinMode: true, apiKey: true, apiSecret: true, includeIdentity: true },
  });
  expect(row).toMatchObject({
    joinMode: "TELEHEALTH_URL",
    apiKey: API_KEY,
    includeIdentity: false,
  });
  expect(row.apiSecret).not.toContain(API_SECRET);
});

test("a care team member cannot open the telehealth settings", async ({ page, signInAs }) => {
  await signInAs("provider");
  await page.goto("/settings/telehealth");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("the notification endpoint is off until the admin sets its credentials", async ({
  page,
  request,
  signInAs,
  factories,
}) => {
  const clinic = await signInAs("admin");
  const visit = await factories.createVisit({
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
  });
  const notify = (authorization?: string) =>
    request.get("/api/telehealth/notifications", {
      params: {
        ExternalIDType: "2",
        VendorName: "Zoom",
        ExternalID: clinic.patient.user.id,
        ConferenceID: visit.id,
        ConnectionStatus: "1",
      },
      headers: authorization ? { Authorization: authorization } : {},
    });
  const basic = `Basic ${Buffer.from("zoom-notifier:a long notifier password").toString("base64")}`;
  const off = page.getByText(
    "The notification endpoint is off until you set a username and password",
  );

  await page.goto("/settings/telehealth");
  await expect(off).toBeVisible();
  expect((await notify()).status()).toBe(401);
  expect((await notify(basic)).status()).toBe(401);

  await page.getByLabel("Notification username").fill("zoom-notifier");
  await page.getByLabel("Notification password").fill("a long notifier password");
  await page.getByRole("button", { name: "Save telehealth settings" }).click();
  await expect(page.getByText("Telehealth settings saved.")).toBeVisible();
  await expect(off).toBeHidden();
  expect((await notify()).status()).toBe(401);
  const accepted = await notify(basic);
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toEqual({ status: "applied" });
});
