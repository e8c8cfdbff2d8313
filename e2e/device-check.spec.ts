import { signInOverHttp, expect, test } from "./fixtures";
import { chromiumLaunchOptions } from "./support/chromium";
import {
  ALLOW_MEDIA,
  FAKE_DEVICES,
  hearTheSpeaker,
  openMediaCheck,
  PHONE,
  visitIn,
} from "./support/device-check";

// The patient's device check on a phone-sized screen, in Chromium with its fake camera and
// microphone (a test pattern and a beeping tone), allowed: it passes, is stored on the visit, and
// the care team sees it on the Video Conferencing page and the Today board.

test.use({ ...PHONE, launchOptions: chromiumLaunchOptions([FAKE_DEVICES, ALLOW_MEDIA]) });

test("the check-in passes, is stored on the visit, and the provider sees it", async ({
  page,
  signInAs,
  factories,
  db,
  browser,
}) => {
  const { clinic, visit } = await visitIn(factories, 10);
  const check = await openMediaCheck(page, () => signInAs("patient", clinic), visit.id, {
    isCheckIn: true,
  });

  const preview = check.getByLabel("What your camera sees");
  await expect(preview).toBeVisible();
  await expect
    .poll(() => preview.evaluate((video: HTMLVideoElement) => video.videoWidth))
    .toBeGreaterThan(0);
  await check.getByRole("button", { name: "Yes, I can see myself" }).click();
  await expect(check.getByText("We can hear you.")).toBeVisible();
  await check.getByRole("button", { name: "Next" }).click();
  await hearTheSpeaker(page);

  await expect(check.getByText("Your connection is good for a video visit.")).toBeVisible();
  await expect(
    check.getByRole("status").filter({ hasText: "Device check passed at" }),
  ).toBeVisible();
  const stored = await db.visitDeviceCheck.findUniqueOrThrow({ where: { visitId: visit.id } });
  expect(stored).toMatchObject({
    isPassed: true,
    camera: "PASSED",
    microphone: "PASSED",
    speaker: "PASSED",
    network: "GOOD",
    browser: "chrome",
  });
  expect(stored.roundTripMs).not.toBeNull();

  const staff = await browser.newContext();
  const provider = await staff.newPage();
  await signInOverHttp(provider, clinic.provider.email);
  await provider.goto(`/subjects/${clinic.patient.subject.id}/video`);
  await expect(
    // Ten minutes ahead, the visit can be joined: it is listed under In progress (decision 037).
    provider.getByRole("region", { name: "In progress" }).getByText(/Device check passed at/),
  ).toBeVisible();
  // The Today board's row says it too.
  await provider.goto("/today");
  await expect(
    provider.locator(`tr[data-visit-id="${visit.id}"]`).getByText(/Device check passed at/),
  ).toBeVisible();
  await staff.close();
});
