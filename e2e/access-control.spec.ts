import { expect, test } from "./fixtures";

test.describe("a patient", () => {
  test("gets 'not found' on care team and admin pages", async ({ page, signInAs }) => {
    const clinic = await signInAs("patient");
    for (const path of [
      "/today",
      "/subjects",
      `/subjects/${clinic.patient.subject.id}`,
      `/subjects/${clinic.patient.subject.id}/video`,
      "/settings",
      "/settings/zoom",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    }
  });

  test("sees their own visit and gets 'not found' on another patient's", async ({
    page,
    signInAs,
    factories,
  }) => {
    const clinic = await signInAs("patient");
    const neighbour = await factories.createPatient(clinic.organization.id);
    const base = { organizationId: clinic.organization.id, providerId: clinic.provider.id };
    const own = await factories.createVisit({ ...base, subjectId: clinic.patient.subject.id });
    const others = await factories.createVisit({ ...base, subjectId: neighbour.subject.id });

    await page.goto("/visits");
    await expect(page.getByRole("region", { name: "Upcoming" }).getByRole("article")).toHaveCount(
      1,
    );
    await page.goto(`/visits/${own.id}`);
    await expect(
      page.getByText(`${clinic.provider.firstName} ${clinic.provider.lastName}`),
    ).toBeVisible();

    await page.goto(`/visits/${others.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Visit not found" })).toBeVisible();
    const join = await page.request.get(`/api/visits/${others.id}/join`, { maxRedirects: 0 });
    expect(join.status()).toBe(404);
    await page.goto("/visits/not-a-visit-id");
    await expect(page.getByRole("heading", { level: 1, name: "Visit not found" })).toBeVisible();
  });
});

test("a care team member gets 'not found' on admin pages and on another clinic's subjects", async ({
  page,
  signInAs,
  factories,
}) => {
  await signInAs("provider");
  const other = await factories.createClinic();
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.goto(`/subjects/${other.patient.subject.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("a signed-out visitor is sent to sign in", async ({ page }) => {
  for (const path of ["/today", "/subjects", "/visits", "/settings"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  }
});

test("the health check answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
