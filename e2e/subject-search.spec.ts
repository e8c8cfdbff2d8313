import type { Request } from "@playwright/test";

import { expect, test } from "./fixtures";

const isPrefetch = (request: Request) => request.headers()["next-router-prefetch"] === "1";

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
  await page.goto("/subjects");
  const prefetched: string[] = []; // the results' links: subjects' pages, sort orders, pages
  page.on("request", (request) => {
    const { pathname, search } = new URL(request.url());
    if (isPrefetch(request) && pathname.startsWith("/subjects")) prefetched.push(pathname + search);
  });

  await page.getByLabel("Search subjects").fill(lastName);
  await expect(page).toHaveURL(/[?&]q=/);
  const links = subjects.map((subject) => page.getByRole("link", { name: subject.recordNumber }));
  for (const link of links) await expect(link).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(prefetched).toEqual([]);

  const [first, second] = subjects;
  const pointed = page.waitForRequest(
    (request) => isPrefetch(request) && request.url().includes(`/subjects/${first?.id}`),
  );
  await links[0]?.hover();
  await pointed;
  const tabbed = page.waitForRequest(
    (request) => isPrefetch(request) && request.url().includes(`/subjects/${second?.id}`),
  );
  await links[1]?.focus();
  await tabbed;

  await links[1]?.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/subjects/${second?.id}$`));
});
