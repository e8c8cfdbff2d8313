import { expect, test } from "./fixtures";
import { chromiumLaunchOptions } from "./support/chromium";
import {
  FAKE_DEVICES,
  hearTheSpeaker,
  openMediaCheck,
  PHONE,
  visitIn,
} from "./support/device-check";

// The device check when the browser blocks the camera and microphone (Chromium answers every
// permission prompt "no"): never a blank page, but what to do in this browser.

test.use({
  ...PHONE,
  launchOptions: chromiumLaunchOptions([FAKE_DEVICES, "--deny-permission-prompts"]),
});

test("the check says how to allow them in this browser, and the failure is stored", async ({
  page,
  signInAs,
  factories,
  db,
}) => {
  const { clinic, visit } = await visitIn(factories, 3 * 24 * 60);
  const check = await openMediaCheck(page, () => signInAs("patient", clinic), visit.id, {
    isCheckIn: false,
  });

  const help = check.getByRole("alert");
  await expect(help).toContainText("Your camera or microphone is blocked");
  await expect(help).toContainText("Chrome");
  await expect(help).toContainText("Set Camera and Microphone to Allow.");
  await expect(help.getByRole("button", { name: "Reload the page" })).toBeVisible();
  await check.getByRole("button", { name: "Continue with the other checks" }).click();
  await hearTheSpeaker(page);
  await expect(
    check.getByRole("status").filter({ hasText: "something needs attention" }),
  ).toBeVisible();
  const stored = await db.visitDeviceCheck.findUniqueOrThrow({ where: { visitId: visit.id } });
  expect(stored).toMatchObject({ isPassed: false, camera: "BLOCKED", microphone: "BLOCKED" });
});
