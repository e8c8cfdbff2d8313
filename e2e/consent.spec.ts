import { devices } from "@playwright/test";

import { expect, signInOverHttp, test } from "./fixtures";

// Telehealth consent as a clinic uses it: the admin writes the text (plain text, versioned) and the
// clinic's phone number; the patient, on a phone, reads, ticks and types their name before Join
// works (or declines and sees the phone number); the care team sees "Consent on file"; a new
// version asks again.

const { defaultBrowserType: _browser, ...PHONE } = devices["Pixel 7"];

const TEXT = `Video visits are private and never recorded.

- You can stop at any time.
- <b>Not bold</b> <script>window.injected = true</script>`;

test("the admin's consent text is signed by the patient before Join, and shown to the care team", async ({
  page,
  factories,
  browser,
  db,
}) => {
  test.setTimeout(90_000);
  const clinic = await factories.createClinic();
  const visit = await factories.createVisit({
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(Date.now() + 10 * 60_000),
  });

  await signInOverHttp(page, clinic.admin.email);
  await page.goto("/settings/consent");
  await expect(page.getByText("No consent text yet")).toBeVisible();
  await page.getByLabel("Consent text").fill(TEXT);
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText("Saved as version 1.")).toBeVisible();
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText(/already see \(version 1\): nothing changed/)).toBeVisible();
  await page.getByLabel("Clinic phone number").fill("(555) 010-2000");
  await page.getByRole("button", { name: "Save phone number" }).click();
  await expect(page.getByText("Phone number saved.")).toBeVisible();

  const phone = await browser.newContext(PHONE);
  const patient = await phone.newPage();
  await signInOverHttp(patient, clinic.patient.user.email);
  await patient.goto(`/visits/${visit.id}`);
  const consent = patient.getByRole("region", { name: "Consent to video visits" });
  await expect(consent.getByText("Video visits are private and never recorded.")).toBeVisible();
  // The clinic's text is shown as text: its markup stays words on the page and never runs.
  await expect(consent.getByText("<b>Not bold</b>", { exact: false })).toBeVisible();
  expect(await patient.evaluate(() => "injected" in window)).toBe(false);
  await expect(consent.locator("b, script")).toHaveCount(0);
  await expect(patient.getByRole("button", { name: "Join Meeting" })).toBeDisabled();
  await expect(patient.getByText("First sign the telehealth consent below")).toBeVisible();

  await consent.getByRole("button", { name: "I do not agree" }).click();
  await expect(
    consent.getByRole("status").filter({ hasText: "You have not signed the consent" }),
  ).toBeFocused();
  await expect(
    consent.getByRole("link", { name: "Call your clinic: (555) 010-2000" }),
  ).toHaveAttribute("href", "tel:5550102000");
  await consent.getByRole("button", { name: "Read the consent again" }).click();

  // A second tab with the same form, to sign twice.
  const other = await phone.newPage();
  await other.goto(`/visits/${visit.id}`);

  await consent.getByLabel("I have read this consent").check();
  await consent.getByLabel("Type your full name to sign").fill("Somebody Else");
  await consent.getByRole("button", { name: "Sign and continue" }).click();
  await expect(consent.getByText("Type your full name as your clinic has it")).toBeVisible();
  const name = `${clinic.patient.user.firstName} ${clinic.patient.user.lastName}`;
  await consent.getByLabel("Type your full name to sign").fill(name.toLowerCase());
  await consent.getByRole("button", { name: "Sign and continue" }).click();
  await expect(patient.getByText("Thank you: your consent is on file.")).toBeVisible();
  await expect(patient.getByRole("link", { name: /Join Meeting/ })).toBeVisible();
  await expect(consent).toHaveCount(0);

  const twice = other.getByRole("region", { name: "Consent to video visits" });
  await twice.getByLabel("I have read this consent").check();
  await twice.getByLabel("Type your full name to sign").fill(name);
  await twice.getByRole("button", { name: "Sign and continue" }).click();
  await expect(twice.getByText(/You already gave your consent to this version on/)).toBeVisible();
  const stored = await db.telehealthConsent.findMany({
    where: { subjectId: clinic.patient.subject.id },
    select: { version: true, userId: true, ip: true },
  });
  expect(stored).toEqual([{ version: 1, userId: clinic.patient.user.id, ip: expect.any(String) }]);

  const staff = await browser.newContext();
  const provider = await staff.newPage();
  await signInOverHttp(provider, clinic.provider.email);
  await provider.goto(`/subjects/${clinic.patient.subject.id}/video`);
  await expect(provider.getByText(/Consent on file \(v1, \w{3} \d{1,2}\)$/)).toBeVisible();
  await provider.goto(`/subjects/${clinic.patient.subject.id}`);
  await expect(
    provider.getByRole("region", { name: "Telehealth consent" }).getByText(/Consent on file \(v1,/),
  ).toBeVisible();

  // A new version: the patient is asked again, and the care team sees that.
  await page.getByLabel("Consent text").fill(`${TEXT}\n\nA new paragraph.`);
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();
  await patient.goto(`/visits/${visit.id}`);
  await expect(patient.getByText("Your clinic has changed its consent")).toBeVisible();
  await expect(patient.getByRole("button", { name: "Join Meeting" })).toBeDisabled();
  await provider.goto(`/subjects/${clinic.patient.subject.id}/video`);
  await expect(provider.getByText(/older text \(v1,.*signs v2 before joining/)).toBeVisible();
  await phone.close();
  await staff.close();
});
