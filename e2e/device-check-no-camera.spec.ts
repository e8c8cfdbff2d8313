import { expect, test } from "./fixtures";
import { chromiumLaunchOptions } from "./support/chromium";
import {
  ALLOW_MEDIA,
  FAKE_DEVICES,
  hearTheSpeaker,
  openMediaCheck,
  PHONE,
  visitIn,
} from "./support/device-check";

// The device check on a phone without a camera (Chromium's fake devices with none): it says so,
// still checks the microphone, and stores "no camera".

test.use({
  ...PHONE,
  launchOptions: chromiumLaunchOptions([`${FAKE_DEVICES}=device-count=0`, ALLOW_MEDIA]),
});

test("the check says so, still checks the microphone, and stores 'no camera'", async ({
  page,
  signInAs,
  factories,
  db,
}) => {
  const { clinic, visit } = await visitIn(factories, 10);
  const check = await openMediaCheck(page, () => signInAs("patient", clinic), visit.id, {
    isCheckIn: true,
  });
  await expect(check.getByText("No camera found")).toBeVisible();
  await expect(check.getByText("You can still join with sound only")).toBeVisible();
  await expect(check.getByText("We can hear you.")).toBeVisible();
  await check.getByRole("button", { name: "Next" }).click();
  await hearTheSpeaker(page);
  await expect(
    check.getByRole("status").filter({ hasText: "something needs attention" }),
  ).toBeVisible();
  const stored = await db.visitDeviceCheck.findUniqueOrThrow({ where: { visitId: visit.id } });
  expect(stored).toMatchObject({ isPassed: false, camera: "MISSING", microphone: "PASSED" });
});
