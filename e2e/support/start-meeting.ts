import { expect, type Page } from "@playwright/test";

export const MEETING_TOPIC = "CareVisit video visit";

/**
 * Presses "Start meeting now" on the subject's Video Conferencing page. Returns the host's Zoom
 * tab (the start page, meeting not started yet) and the meeting number.
 */
export async function startInstantMeeting(page: Page, subjectId: string) {
  await page.goto(`/subjects/${subjectId}/video`);
  const opened = page.context().waitForEvent("page");
  await page.getByRole("button", { name: "Start meeting now" }).click();
  const host = await opened;
  await expect(
    host.getByRole("heading", { level: 1, name: `Host ${MEETING_TOPIC}` }),
  ).toBeVisible();
  const meetingId = /^\/s\/(\d+)$/.exec(new URL(host.url()).pathname)?.[1];
  if (!meetingId) throw new Error(`Not a Zoom start URL: ${host.url()}`);
  return { host, meetingId };
}
