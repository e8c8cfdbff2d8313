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
    const { pathname, searchParams } = new URL(request.url());
    const isResultLink =
      SUBJECT_PAGE.test(pathname) ||
      (pathname === "/subjects" && (searchParams.has("sort") || searchParams.has("page")));
    if (isPrefetch(request) && isResultLink) prefetched.add(pathname);
  });
  await page.goto("/subjects");
  await page.getByLabel("Search subjects").fill(lastName);
  await expect(page).toHaveURL(/[?&]q=/);
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
