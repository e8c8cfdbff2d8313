import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { chromium, devices, type Page } from "@playwright/test";

import { formatDay, formatTime } from "@/lib/format";

import { expect, signInOverHttp, test } from "./fixtures";
import { chromiumLaunchOptions } from "./support/chromium";

// The installable portal: Chromium's own installability check on the manifest and service worker,
// and the offline page with the network cut, which shows only what the patient last saw and is
// emptied at sign-out. The service worker must never keep a page, an API answer or a join URL.

const { defaultBrowserType: _browser, ...PHONE } = devices["Pixel 7"];
const SUMMARY_CACHE = "carevisit-offline-summary";

test.use(PHONE);

async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Every URL in every cache of the origin. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls.sort();
  });
}

test("the manifest and service worker pass Chromium's installability check", async ({}, testInfo) => {
  // Installing needs an ordinary profile: Chromium refuses in incognito, which new contexts are.
  const profile = await mkdtemp(path.join(tmpdir(), "carevisit-pwa-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions(),
    baseURL: testInfo.project.use.baseURL,
  });
  try {
    const page = await context.newPage();
    await page.goto("/sign-in");
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.errors).toEqual([]);
    expect(new URL(manifest.url).pathname).toBe("/manifest.webmanifest");
    const data = JSON.parse(manifest.data ?? "{}") as {
      display: string;
      icons: { purpose?: string }[];
    };
    expect(data.display).toBe("standalone");
    expect(data.icons.some((icon) => icon.purpose === "maskable")).toBe(true);
    await expect
      .poll(async () => (await cdp.send("Page.getInstallabilityErrors")).installabilityErrors)
      .toEqual([]);
    for (const icon of ["/icons/icon-192.png", "/icons/maskable-512.png", "/favicon.ico"]) {
      const response = await page.request.get(icon);
      expect(response.status(), icon).toBe(200);
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test("offline, the portal shows the next visit as last seen, and forgets it at sign-out", async ({
  page,
  factories,
  context,
}) => {
  const clinic = await factories.createClinic();
  const startsAt = new Date(Date.now() + 2 * 24 * 3_600_000);
  const visit = await factories.createVisit({
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: startsAt,
  });
  await signInOverHttp(page, clinic.patient.user.email);
  await page.goto("/visits");
  await waitForServiceWorker(page);
  await expect
    .poll(() =>
      page.evaluate(
        async (name) => (await caches.open(name)).keys().then((keys) => keys.length),
        SUMMARY_CACHE,
      ),
    )
    .toBe(1);
  // Opening the visit (and its join link's page) leaves nothing more in any cache.
  await page.goto(`/visits/${visit.id}`);
  expect(await cachedUrls(page)).toEqual(["/icons/icon-192.png", "/offline-summary.json"]);

  await context.setOffline(true);
  await page.goto("/visits");
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  const when = `${formatDay(startsAt, clinic.organization.timeZone)} at ${formatTime(startsAt, clinic.organization.timeZone)}`;
  await expect(page.getByText(`Your next visit is ${when}.`)).toBeVisible();
  await expect(page.locator("img")).toHaveJSProperty("naturalWidth", 192);
  await page.goto(`/visits/${visit.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();

  await context.setOffline(false);
  await page.goto("/visits");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect.poll(() => cachedUrls(page)).toEqual(["/icons/icon-192.png"]);
  await context.setOffline(true);
  await page.goto("/visits");
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  await expect(page.getByText("Connect to the internet to see your visits")).toBeVisible();
  await expect(page.getByText(/Your next visit/)).toHaveCount(0);
  await context.setOffline(false);
});

test("pages ask for no file that is missing: the favicon and icons are there", async ({
  page,
  factories,
}) => {
  const clinic = await factories.createClinic();
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(new URL(response.url()).pathname);
  });
  await page.goto("/sign-in");
  await signInOverHttp(page, clinic.patient.user.email);
  await page.goto("/visits");
  await expect(page.getByRole("heading", { level: 1, name: "My visits" })).toBeVisible();
  const icons = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLLinkElement>(
        "link[rel~='icon'], link[rel='apple-touch-icon'], link[rel='manifest']",
      ),
    ].map((link) => new URL(link.href).pathname),
  );
  expect(icons).toEqual(
    expect.arrayContaining([
      "/favicon.ico",
      "/icon.svg",
      "/apple-icon.png",
      "/manifest.webmanifest",
    ]),
  );
  for (const icon of icons) expect((await page.request.get(icon)).status(), icon).toBe(200);
  expect((await page.request.get("/favicon.ico")).headers()["content-type"]).toContain("image/");
  expect(missing).toEqual([]);
});
