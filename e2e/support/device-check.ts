import { devices, expect, type Page } from "@playwright/test";

import type { test } from "../fixtures";

// Shared by the device-check specs (one per Chromium launch: media allowed, denied, no camera).

const { defaultBrowserType: _browser, ...phone } = devices["Pixel 7"];
/** A phone-sized screen with a phone's user agent and touch. */
export const PHONE = phone;
export const FAKE_DEVICES = "--use-fake-device-for-media-stream";
export const ALLOW_MEDIA = "--use-fake-ui-for-media-stream";

type Factories = Parameters<Parameters<typeof test>[2]>[0]["factories"];

/** A visit of a new clinic's patient starting in `minutes`, so the check-in (or the test) shows. */
export async function visitIn(factories: Factories, minutes: number) {
  const clinic = await factories.createClinic();
  const visit = await factories.createVisit({
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(Date.now() + minutes * 60_000),
  });
  return { clinic, visit };
}

/** The speaker step: play the sound, say it was heard. */
export async function hearTheSpeaker(page: Page) {
  const check = page.getByRole("region", { name: /Check in before your visit|Test my device/ });
  await expect(check.getByRole("heading", { name: "Speaker" })).toBeFocused();
  await check.getByRole("button", { name: "Play a test sound" }).click();
  await check.getByRole("button", { name: "Yes, I heard it" }).click();
}

/** Signs the patient in, opens the visit and asks for the camera and microphone. */
export async function openMediaCheck(
  page: Page,
  signIn: () => Promise<unknown>,
  visitId: string,
  { isCheckIn }: { isCheckIn: boolean },
) {
  await signIn();
  await page.goto(`/visits/${visitId}`);
  const check = page.getByRole("region", {
    name: isCheckIn ? "Check in before your visit" : "Test my device",
  });
  await check
    .getByRole("button", { name: isCheckIn ? "Start check-in" : "Test my device" })
    .click();
  await expect(check.getByRole("heading", { name: "Camera and microphone" })).toBeFocused();
  await expect(check.getByText("Your browser will ask for permission")).toBeVisible();
  await check.getByRole("button", { name: "Allow camera and microphone" }).click();
  return check;
}
