import { expect, signInOverHttp, test } from "./fixtures";
import { expectAccessible } from "./support/axe";
import { chromiumLaunchOptions } from "./support/chromium";
import { ALLOW_MEDIA, FAKE_DEVICES, hearTheSpeaker, PHONE, visitIn } from "./support/device-check";

// The accessibility audit's live states (decision 034): the care team's page while the patient
// waits (the "Patient waiting" banner, from Zoom's webhook through the emulator), the patient's page
// with the provider's presence, and each step of the device check with fake devices.

test.use({ launchOptions: chromiumLaunchOptions([FAKE_DEVICES, ALLOW_MEDIA]) });

test("the live waiting room, as the provider and the patient see it", async ({
  page,
  browser,
  factories,
  linkZoom,
  zoom,
}) => {
  test.setTimeout(90_000);
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  await signInOverHttp(page, clinic.provider.email);
  await page.goto(`/subjects/${clinic.patient.subject.id}/video`);
  const hostTab = page.context().waitForEvent("page");
  await page.getByRole("button", { name: "Start meeting now" }).click();
  const host = await hostTab;
  await expect(host.getByRole("heading", { level: 1, name: /^Host / })).toBeVisible();
  const meetingId = /^\/s\/(\d+)$/.exec(new URL(host.url()).pathname)?.[1];
  await host.close();
  const presence = page.getByRole("region", { name: "In progress" }).getByTestId("live-presence");
  await expect(presence.getByText("Live", { exact: true })).toBeVisible();

  const { user } = clinic.patient;
  await zoom.control("POST", `/meetings/${meetingId}/participants`, {
    action: "join_waiting_room",
    name: `${user.firstName} ${user.lastName}`,
    customerKey: user.id,
  });
  await expect(presence.getByRole("status")).toContainText("Patient waiting");
  await expectAccessible(page, "video conferencing, patient waiting");

  const phone = await browser.newContext(PHONE);
  const patient = await phone.newPage();
  await signInOverHttp(patient, user.email);
  await patient.goto("/visits");
  await expect(patient.getByRole("status").filter({ hasText: "has not joined yet" })).toBeVisible();
  await expectAccessible(patient, "My visits, visit in progress");
  await phone.close();
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("each step of the device check", async ({ page, signInAs, factories }) => {
    test.setTimeout(90_000);
    const { clinic, visit } = await visitIn(factories, 10);
    await signInAs("patient", clinic);
    await page.goto(`/visits/${visit.id}`);
    const check = page.getByRole("region", { name: "Check in before your visit" });
    await check.getByRole("button", { name: "Start check-in" }).click();
    await expectAccessible(page, "device check, the permission explained");
    await check.getByRole("button", { name: "Allow camera and microphone" }).click();
    await expect(check.getByLabel("What your camera sees")).toBeVisible();
    await expectAccessible(page, "device check, camera and microphone");
    await check.getByRole("button", { name: "Yes, I can see myself" }).click();
    await expect(check.getByText("We can hear you.")).toBeVisible();
    await check.getByRole("button", { name: "Next" }).click();
    await expectAccessible(page, "device check, speaker");
    await hearTheSpeaker(page);
    await expect(
      check.getByRole("status").filter({ hasText: "Device check passed" }),
    ).toBeVisible();
    await expectAccessible(page, "device check, result");
  });
});
