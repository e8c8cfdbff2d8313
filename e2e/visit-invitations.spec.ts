import { expect, test } from "./fixtures";
import { tomorrowInNewYork } from "./support/dates";

test("a scheduled visit's invitation reaches the patient, its link opens the visit after sign-in, and the page says it was sent", async ({
  page,
  browser,
  signInAs,
  factories,
  linkZoom,
  mailbox,
}) => {
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  await signInAs("provider", clinic);
  await page.goto(`/subjects/${clinic.patient.subject.id}/video`);
  const since = Date.now();
  await page.getByLabel("Date", { exact: true }).fill(tomorrowInNewYork());
  await page.getByLabel("Time", { exact: true }).fill("14:30");
  await page.getByRole("button", { name: "Schedule visit" }).click();
  await expect(page.getByText(/Visit scheduled for .* 2:30 PM/)).toBeVisible();

  const patientEmail = clinic.patient.user.email;
  const invitation = await mailbox.waitFor(patientEmail, { since, subject: /2:30 PM/ });
  expect(invitation.attachments.some((part) => part.mimeType === "text/calendar")).toBe(true);
  const link = /http:\/\/localhost:\d+\/visits\/[0-9a-f-]{36}/.exec(invitation.text)?.[0];
  expect(link, "the invitation links to the visit in the portal").toBeTruthy();

  // The care team sees what became of it (the page reads it again on reload).
  const masked = `${patientEmail[0]}…${patientEmail.slice(patientEmail.indexOf("@"))}`;
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(`Invitation sent to ${masked} at`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // The patient, signed out, follows the link: sign in, then the visit opens.
  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await patient.goto(link ?? "");
  await expect(patient).toHaveURL(/\/sign-in/);
  await patient.getByLabel(/Email or username/).fill(patientEmail);
  await patient.getByLabel("Password", { exact: true }).fill("carevisit-demo");
  await patient.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(patient).toHaveURL(new RegExp(`${new URL(link ?? "").pathname}$`));
  await expect(patient.getByText("2:30 PM").first()).toBeVisible();
  await patientContext.close();
});
