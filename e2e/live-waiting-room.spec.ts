import {
  type BrowserContext,
  type BrowserContextOptions,
  devices,
  type Locator,
  type Page,
} from "@playwright/test";

import { test as base, expect, signInOverHttp } from "./fixtures";
import { e2eSecondAppUrl } from "./support/environment";
import { MEETING_TOPIC, startInstantMeeting } from "./support/start-meeting";
import { type OutageProxy, startOutageProxy } from "./support/outage-proxy";

// The live waiting room: the care team's Video Conferencing page and the patient's visit page
// follow the visit over Server-Sent Events, with no reload, whichever app instance applied the
// Zoom webhook, and catch up after the connection drops.

const { defaultBrowserType: _browser, ...phone } = devices["Pixel 7"];

const TOPIC = MEETING_TOPIC;
const WAITING_TITLE = /^Patient waiting · /;

const test = base.extend<{
  /** A page in a browser context of its own (another person, or another app origin). */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  /** A proxy in front of the first app server, to cut the page's connections. */
  outage: OutageProxy;
}>({
  newPage: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  outage: async ({ baseURL }, use) => {
    if (!baseURL) throw new Error("baseURL is not set");
    const proxy = await startOutageProxy(baseURL);
    await use(proxy);
    await proxy.close();
  },
});

type Delivery = { event: string; url: string; delivered: boolean };
type ParticipantMove = { place: string; deliveries: Delivery[] };
type ZoomControl = { control: <T>(method: string, path: string, body?: unknown) => Promise<T> };
type SimulatedPatient = { name: string; customerKey: string };

/** The patient as the control API plays them: our user id travels as Zoom's customer_key. */
function simulatedPatient(user: { id: string; firstName: string; lastName: string }) {
  return { name: `${user.firstName} ${user.lastName}`, customerKey: user.id };
}

/**
 * Moves the simulated patient in Zoom. The emulator answers once each webhook's first attempt is
 * over: they all went to the first app server, which took them.
 */
async function movePatient(
  zoom: ZoomControl,
  meetingId: string,
  action: "join_waiting_room" | "admit",
  patient: SimulatedPatient,
) {
  const { deliveries } = await zoom.control<ParticipantMove>(
    "POST",
    `/meetings/${meetingId}/participants`,
    { action, ...patient },
  );
  const webhookUrl = new URL("/api/zoom/webhook", test.info().project.use.baseURL).href;
  expect(deliveries.length, action).toBeGreaterThan(0);
  for (const delivery of deliveries) {
    expect(delivery.url, delivery.event).toBe(webhookUrl);
    expect(delivery.delivered, delivery.event).toBe(true);
  }
}

/**
 * Starts a meeting from the subject's Video Conferencing page. Returns the host's Zoom tab (the
 * start page, meeting not started yet), the meeting number, and the visit's live presence block
 * once its stream is connected.
 */
async function startMeeting(page: Page, subjectId: string) {
  const { host, meetingId } = await startInstantMeeting(page, subjectId);

  const inProgress = page.getByRole("region", { name: "In progress" });
  await expect(inProgress.getByRole("article")).toHaveCount(1);
  const presence = inProgress.getByTestId("live-presence");
  await expectConnection(presence, "Live");
  await expect(presence.getByRole("status")).toContainText("Patient not joined");
  await expect(presence.getByRole("status")).toContainText("Provider not joined");
  return { host, meetingId, presence };
}

/** Marks the document, so that `expectSameDocument` proves the page was never reloaded. */
async function markDocument(page: Page) {
  await page.evaluate(() => Object.assign(window, { e2eLiveMark: true }));
}

async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => "e2eLiveMark" in window), "the page was reloaded").toBe(true);
}

/** The stream's state, as the page labels it ("Live", "Reconnecting to live updates…"). */
async function expectConnection(presence: Locator, label: string) {
  await expect(presence.getByText(label, { exact: true })).toBeVisible();
}

async function expectStatus(presence: Locator, ...texts: string[]) {
  for (const text of texts) await expect(presence.getByRole("status")).toContainText(text);
}

test("the care team sees the patient wait, be admitted and leave, without reloading", async ({
  page,
  newPage,
  signInAs,
  factories,
  linkZoom,
}) => {
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  await signInAs("provider", clinic);
  const { host, presence } = await startMeeting(page, clinic.patient.subject.id);
  await expectStatus(presence, "Scheduled");
  await markDocument(page);

  // The patient, on a phone, opens the visit and joins: Zoom puts them in the waiting room.
  const patient = await newPage(phone);
  await signInOverHttp(patient, clinic.patient.user.email);
  await patient.goto("/visits");
  await patient
    .getByRole("region", { name: "Upcoming" })
    .getByRole("article")
    .getByRole("heading")
    .getByRole("link")
    .click();
  await expect(patient.getByRole("heading", { level: 1, name: "Your video visit" })).toBeVisible();
  await markDocument(patient);
  const providerName = `${clinic.provider.firstName} ${clinic.provider.lastName}`;
  const providerLine = patient.getByRole("status").filter({ hasText: providerName });
  await expect(providerLine).toHaveText(`${providerName} has not joined yet.`);

  const opened = patient.context().waitForEvent("page");
  await patient.getByRole("link", { name: /Join Meeting/ }).click();
  const zoomClient = await opened;
  await expect(zoomClient.getByRole("heading", { level: 1, name: `Join ${TOPIC}` })).toBeVisible();
  const patientName = `${clinic.patient.user.firstName} ${clinic.patient.user.lastName}`;
  await zoomClient.getByLabel("Your name").fill(patientName);
  await zoomClient.getByRole("button", { name: "Join" }).click();
  await expect(
    zoomClient.getByRole("heading", { level: 1, name: "Waiting for the host" }),
  ).toBeVisible();

  await expectStatus(presence, "Patient waiting", "Waiting for less than a minute");
  await expectStatus(presence, "Provider not joined");
  await expect(page).toHaveTitle(WAITING_TITLE);

  // The provider starts the meeting in Zoom and admits the patient.
  await host.getByRole("button", { name: "Start meeting" }).click();
  await expect(host.getByRole("heading", { level: 1, name: `In meeting: ${TOPIC}` })).toBeVisible();
  await expectStatus(presence, "In progress", "Provider joined", "Patient waiting");
  await expect(providerLine).toHaveText(`${providerName} has joined.`);

  await host.getByRole("button", { name: `Admit ${patientName}` }).click();
  await expectStatus(presence, "Patient in the meeting", "Provider joined");
  await expect(page).not.toHaveTitle(WAITING_TITLE);
  await expect(page).toHaveTitle(/Video Conferencing/);

  // The patient's Zoom page moves them in by itself (it reloads every few seconds), then they leave.
  await expect(
    zoomClient.getByRole("heading", { level: 1, name: `In meeting: ${TOPIC}` }),
  ).toBeVisible();
  await zoomClient.getByRole("button", { name: "Leave meeting" }).click();
  await expect(
    zoomClient.getByRole("heading", { level: 1, name: "You left the meeting" }),
  ).toBeVisible();
  await expectStatus(presence, "Patient left", "Provider joined", "In progress");
  await expect(providerLine).toHaveText(`${providerName} has joined.`);

  // Live, the visit offers no Reschedule or Cancel.
  const inProgress = page.getByRole("region", { name: "In progress" });
  await expect(inProgress.getByText("Reschedule", { exact: true })).toHaveCount(0);
  await expect(inProgress.getByRole("button", { name: "Cancel visit" })).toHaveCount(0);

  // Ended for all, it moves to Past at once, without a reload.
  await host.getByRole("button", { name: "End meeting for all" }).click();
  await expect(inProgress.getByText("No visit is in progress.")).toBeVisible();
  const past = page.getByRole("region", { name: "Past and cancelled" });
  await expect(past.getByRole("article")).toHaveCount(1);
  await expect(past.getByRole("article")).toContainText("Ended");

  await expectSameDocument(page);
  await expectSameDocument(patient);
});

test("a page opened while the patient already waits says so in its tab title", async ({
  page,
  signInAs,
  factories,
  linkZoom,
  zoom,
}) => {
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  await signInAs("provider", clinic);
  const { host, meetingId } = await startMeeting(page, clinic.patient.subject.id);
  await host.close();
  await movePatient(zoom, meetingId, "join_waiting_room", simulatedPatient(clinic.patient.user));

  await page.reload();
  const presence = page.getByRole("region", { name: "In progress" }).getByTestId("live-presence");
  await expectStatus(presence, "Patient waiting");
  await expect(page).toHaveTitle(WAITING_TITLE);
  await expect(page).toHaveTitle(/Video Conferencing/);
});

test("a page served by the second app instance follows webhooks applied by the first", async ({
  newPage,
  factories,
  linkZoom,
  zoom,
}) => {
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  // A browser of its own: cookies are per host, not per port, so keep the two apps' sessions apart.
  const page = await newPage({ baseURL: e2eSecondAppUrl() });
  await signInOverHttp(page, clinic.provider.email);
  const { host, meetingId, presence } = await startMeeting(page, clinic.patient.subject.id);
  await host.close();
  await markDocument(page);

  const patient = simulatedPatient(clinic.patient.user);
  await movePatient(zoom, meetingId, "join_waiting_room", patient);
  await expectStatus(presence, "Patient waiting");
  await expect(page).toHaveTitle(WAITING_TITLE);
  await movePatient(zoom, meetingId, "admit", patient);
  await expectStatus(presence, "Patient in the meeting", "In progress", "Provider not joined");
  await expect(page).not.toHaveTitle(WAITING_TITLE);

  await expectSameDocument(page);
});

test("after its connection is cut, the page catches up with what happened meanwhile", async ({
  newPage,
  outage,
  factories,
  linkZoom,
  zoom,
}) => {
  const clinic = await factories.createClinic();
  await linkZoom(clinic);
  const page = await newPage({ baseURL: outage.url });
  await signInOverHttp(page, clinic.provider.email);
  const { host, meetingId, presence } = await startMeeting(page, clinic.patient.subject.id);
  await host.close();
  await markDocument(page);

  outage.cut();
  await expectConnection(presence, "Reconnecting to live updates…");
  const patient = simulatedPatient(clinic.patient.user);
  await movePatient(zoom, meetingId, "join_waiting_room", patient);
  await movePatient(zoom, meetingId, "admit", patient);
  await expectStatus(presence, "Scheduled", "Patient not joined"); // nothing can arrive meanwhile

  outage.restore();
  await expectConnection(presence, "Live");
  await expectStatus(presence, "In progress", "Patient in the meeting", "Provider not joined");
  await expectSameDocument(page);
});
