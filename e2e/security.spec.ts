import { Role } from "@/generated/prisma/enums";
import { createUser } from "@/prisma/factories";

import { expect, test } from "./fixtures";
import { e2eSecondAppUrl } from "./support/environment";

// What a penetration test of the production build found (issue 17), tried again against the
// production server (server.ts) as an attacker would: over HTTP, with the headers of their choice.

test.describe("the client's address", () => {
  test("with no trusted proxy, a forged X-Forwarded-For changes neither the limits' address nor the audit trail's", async ({
    playwright,
    factories,
    db,
  }) => {
    // The second e2e server trusts no proxy (TRUSTED_PROXY_COUNT=0, the default).
    const clinic = await factories.createClinic();
    const user = await createUser(db, { organizationId: clinic.organization.id, role: Role.ADMIN });
    const request = await playwright.request.newContext({ baseURL: e2eSecondAppUrl() });
    const forgedAddresses = ["203.0.113.7", "198.51.100.23, 203.0.113.8", "2001:db8::1"];
    for (const forged of forgedAddresses) {
      const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await request.post("/api/auth/callback/password", {
        form: { csrfToken: csrf.csrfToken, identifier: user.email, password: "not the password" },
        headers: { "x-forwarded-for": forged },
        maxRedirects: 0,
      });
      expect(response.headers().location ?? "").toContain("error=");
    }
    const failures = await db.auditEvent.findMany({
      where: { action: "auth.sign_in_failed", targetId: user.id },
      select: { ip: true },
    });
    expect(failures).toHaveLength(forgedAddresses.length);
    for (const failure of failures) expect(failure.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
    await request.dispose();
  });
});

test("a patient's profile has no Video Conference User ID field", async ({
  page,
  signInAs,
  db,
}) => {
  const clinic = await signInAs("patient");
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
  await expect(page.getByLabel("Video Conference User ID", { exact: true })).toHaveCount(0);
  const stored = await db.user.findUniqueOrThrow({
    where: { id: clinic.patient.user.id },
    select: { videoConferenceUserId: true },
  });
  expect(stored.videoConferenceUserId).toBeNull();
});
