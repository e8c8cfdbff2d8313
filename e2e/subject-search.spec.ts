import type { Request } from "@playwright/test";

import { expect, test } from "./fixtures";

const isPrefetch = (request: Request) => request.headers()["next-router-prefetch"] === "1";
const SUBJECT_PAGE = /^\/subjects\/[0-9a-f-]{36}$/;

test("search results prefetch a subject's page only once the user points at or tabs to it", async ({
  page,
  signInAs,
  factories,
}) => {
  const clinic = await factories.createClinic();
  const organizationId = clinic.organization.id;
  const lastName = `Prefetch${Date.now().toString(36).replace(/\d/g, "")}`; // letters: a name
  const subjects = await Promise.all(
    ["Ana", "Ben", "Cy"].map((firstName) =>
      factories.createSubject({ organizationId, firstName, lastName }),
    ),
  );
  await signInAs("provider", clinic);
  // The results' links prefetched (a link's prefetch may take more than one request).
  const prefetched = new Set<string>();
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (isPrefetch(request) && SUBJECT_PAGE.test(pathname)) prefetched.add(pathname);
  });
  await page.goto("/subjects");
  await page.getByLabel("Search subjects").fill(lastName);
  const links = subjects.map((subject) => page.getByRole("link", { name: subject.recordNumber }));
  for (const link of links) await expect(link).toBeVisible();

  // Viewport prefetches would have started as the results rendered, before the pointer moved.
  const [first, second] = subjects;
  const [firstLink, secondLink] = links;
  if (!first || !second || !firstLink || !secondLink) throw new Error("Three subjects expected");
  const prefetchOf = (id: string) =>
    page.waitForRequest((request) => isPrefetch(request) && request.url().includes(`/${id}?`));
  const pointed = prefetchOf(first.id);
  await firstLink.hover();
  await pointed;
  expect([...prefetched]).toEqual([`/subjects/${first.id}`]);

  await firstLink.focus();
  const tabbed = prefetchOf(second.id);
  await page.keyboard.press("Tab");
  await expect(secondLink).toBeFocused();
  await tabbed;
  expect([...prefetched]).toEqual([`/subjects/${first.id}`, `/subjects/${second.id}`]);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/subjects/${second.id}$`));
});

test("what is typed never reaches a URL, and Back, reload, sorting and pages keep the search", async ({
  page,
  signInAs,
  factories,
}) => {
  const clinic = await factories.createClinic();
  const organizationId = clinic.organization.id;
  const lastName = `Private${Date.now().toString(36).replace(/\d/g, "")}`;
  const letters = "abcdefghijklmnopqrstuvwxyz";
  // One more than a page, so that there is a page 2.
  const subjects = await Promise.all(
    [...letters].map((letter) =>
      factories.createSubject({ organizationId, firstName: `Ann${letter}`, lastName }),
    ),
  );
  // Listed first when the query is lost (no query lists every subject by name).
  await factories.createSubject({ organizationId, firstName: "Zed", lastName: "Other" });
  const other = page.getByRole("cell", { name: "Other, Zed" });
  await signInAs("provider", clinic);
  // What a proxy's request log and the browser's history would keep: every URL.
  const urls: string[] = [];
  const bodies: string[] = [];
  page.on("request", (request) => {
    urls.push(request.url());
    bodies.push(request.postData() ?? "");
  });
  page.on("framenavigated", (frame) => urls.push(frame.url()));

  await page.goto("/subjects");
  await page.getByLabel("Search subjects").fill(lastName);
  const firstRow = page.getByRole("cell", { name: `${lastName}, Anna` });
  await expect(firstRow).toBeVisible();
  await expect(other).toHaveCount(0);
  await expect(page.getByText("Page 1")).toBeVisible();

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Page 2")).toBeVisible();
  await expect(page.getByRole("cell", { name: `${lastName}, Annz` })).toBeVisible();
  await page.goBack();
  await expect(page.getByText("Page 1")).toBeVisible();
  await expect(firstRow).toBeVisible();
  await expect(other).toHaveCount(0);

  await page.getByRole("button", { name: /^Name/ }).click();
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(page.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await expect(page.getByRole("cell", { name: `${lastName}, Annz` })).toBeVisible();

  const last = subjects.at(-1);
  if (!last) throw new Error("Subjects expected");
  await page.getByRole("link", { name: last.recordNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/subjects/${last.id}`));
  await page.goBack();
  await expect(page.getByLabel("Search subjects")).toHaveValue(lastName);
  await expect(page.getByRole("cell", { name: `${lastName}, Annz` })).toBeVisible();
  await expect(other).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel("Search subjects")).toHaveValue(lastName);
  await expect(page.getByRole("cell", { name: `${lastName}, Annz` })).toBeVisible();
  await expect(other).toHaveCount(0);

  const typed = lastName.toLowerCase();
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.filter((url) => decodeURIComponent(url).toLowerCase().includes(typed))).toEqual([]);
  // The searches went in request bodies (POSTs), where no URL log sees them.
  expect(bodies.some((body) => body.includes(lastName))).toBe(true);
});

test("an old bookmark's ?q= is moved out of the URL and still searched, and audited", async ({
  page,
  signInAs,
  factories,
  db,
}) => {
  const clinic = await factories.createClinic();
  const lastName = `Bookmark${Date.now().toString(36).replace(/\d/g, "")}`;
  const subject = await factories.createSubject({
    organizationId: clinic.organization.id,
    lastName,
  });
  await signInAs("provider", clinic);
  await page.goto(`/subjects?q=${lastName}`);
  await expect(page.getByRole("link", { name: subject.recordNumber })).toBeVisible();
  await expect(page).toHaveURL(/\/subjects$/);
  await expect(page.getByLabel("Search subjects")).toHaveValue(lastName);
  const audits = await db.auditEvent.findMany({
    where: { organizationId: clinic.organization.id, action: "subject.search" },
    select: { details: true },
  });
  expect(audits.some((audit) => JSON.stringify(audit.details).includes('"hasQuery":true'))).toBe(
    true,
  );
  expect(JSON.stringify(audits)).not.toContain(lastName);
});

test("the JSON API takes the search in a POST body, and refuses a bad one with 400", async ({
  page,
  signInAs,
  factories,
}) => {
  const clinic = await factories.createClinic();
  const lastName = `Api${Date.now().toString(36).replace(/\d/g, "")}`;
  const subject = await factories.createSubject({
    organizationId: clinic.organization.id,
    lastName,
  });
  await signInAs("provider", clinic);
  const found = await page.request.post("/api/subjects", { data: { q: lastName } });
  expect(found.status()).toBe(200);
  const body = (await found.json()) as { items: { id: string }[] };
  expect(body.items.map((item) => item.id)).toEqual([subject.id]);
  const refused = await page.request.post("/api/subjects", { data: { q: lastName, page: 0 } });
  expect(refused.status()).toBe(400);
  const notJson = await page.request.post("/api/subjects", {
    headers: { "content-type": "application/json" },
    data: "{not json",
  });
  expect(notJson.status()).toBe(400);
});
