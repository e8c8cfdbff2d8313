import { hkdfSync, randomUUID } from "node:crypto";

import { EncryptJWT } from "jose";

import { Role } from "@/generated/prisma/enums";
import { createUser } from "@/prisma/factories";

import { expect, signInOverHttp, test } from "./fixtures";
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

/** A session token as Auth.js would have issued it `issuedSecondsAgo` ago, with the claims given. */
async function sessionTokenIssuedAgo(claims: Record<string, unknown>, issuedSecondsAgo: number) {
  const cookieName = "authjs.session-token";
  const key = new Uint8Array(
    hkdfSync(
      "sha256",
      process.env.E2E_AUTH_SECRET ?? "",
      cookieName,
      `Auth.js Generated Encryption Key (${cookieName})`,
      64,
    ),
  );
  const now = Math.floor(Date.now() / 1000);
  const token = await new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512" })
    .setIssuedAt(now - issuedSecondsAgo)
    .setExpirationTime(now + 3600)
    .setJti(randomUUID())
    .encrypt(key);
  return `${cookieName}=${token}`;
}

test.describe("sessions end", () => {
  test("after their clinic's idle timeout, on a friendly page, and renewing cannot revive them", async ({
    playwright,
    factories,
  }) => {
    const clinic = await factories.createClinic();
    const user = clinic.provider;
    const claims = (signedInSecondsAgo: number) => ({
      uid: user.id,
      role: "CARE_TEAM",
      org: clinic.organization.id,
      sv: 1,
      st: Math.floor(Date.now() / 1000) - signedInSecondsAgo,
      il: 30,
    });
    const request = await playwright.request.newContext();
    const cases = [
      { issuedAgo: 60, signedInAgo: 60, page: 200, api: 200 },
      { issuedAgo: 31 * 60, signedInAgo: 31 * 60, page: "inactivity", api: 401 },
      { issuedAgo: 60, signedInAgo: 12 * 3600 + 60, page: "expired", api: 401 },
      // Renewed a minute ago, but begun under a longer timeout than the clinic's today.
      { issuedAgo: 60, signedInAgo: 60, il: 60, page: "expired", api: 401 },
    ];
    for (const { issuedAgo, signedInAgo, il, page, api } of cases) {
      const cookie = await sessionTokenIssuedAgo(
        { ...claims(signedInAgo), ...(il ? { il } : {}) },
        issuedAgo,
      );
      const onPage = await request.get("/subjects", { headers: { cookie }, maxRedirects: 0 });
      if (page === 200) expect(onPage.status()).toBe(200);
      else {
        expect(onPage.status()).toBe(307);
        expect(onPage.headers().location).toMatch(new RegExp(`/signed-out\\?reason=${page}$`));
        // The proxy removes the cookie as it sends the visitor there (or getViewer refuses it).
      }
      const onApi = await request.get("/api/subjects?q=a", { headers: { cookie } });
      expect(onApi.status(), JSON.stringify({ issuedAgo, signedInAgo, il })).toBe(api);
    }
    await request.dispose();
  });

  test("the signed-out page says why", async ({ page }) => {
    await page.goto("/signed-out?reason=inactivity");
    await expect(page.getByRole("heading", { name: "Signed out for inactivity" })).toBeVisible();
    await page.getByRole("link", { name: "Sign in again" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("Auth.js's own POST /api/auth/signout ends the session on the server, not only in the browser", async ({
    page,
    signInAs,
    playwright,
  }) => {
    await signInAs("provider");
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === "authjs.session-token");
    expect(session).toBeDefined();
    const copied = `authjs.session-token=${session?.value ?? ""}`;
    const elsewhere = await playwright.request.newContext();
    expect(
      (await elsewhere.get("/api/subjects?q=a", { headers: { cookie: copied } })).status(),
    ).toBe(200);
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    const signedOut = await page.request.post("/api/auth/signout", {
      form: { csrfToken },
      maxRedirects: 0,
    });
    expect(signedOut.status()).toBe(302);
    expect(
      (await elsewhere.get("/api/subjects?q=a", { headers: { cookie: copied } })).status(),
    ).toBe(401);
    await elsewhere.dispose();
  });
});

test.describe("security headers", () => {
  test("every page runs under a nonce-based CSP with no violation in the browser", async ({
    browser,
    factories,
  }) => {
    // Sixteen pages, each until its network is idle: more than the default minute on a busy machine.
    test.setTimeout(180_000);
    const clinic = await factories.createClinic();
    const visit = await factories.createVisit({
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
    });
    const subject = clinic.patient.subject.id;
    const pagesOf: [string | null, string[]][] = [
      [null, ["/sign-in", "/sign-in/code", "/signed-out?reason=inactivity", "/no-such-page"]],
      [
        clinic.admin.email,
        [
          "/settings",
          "/settings/zoom",
          "/settings/telehealth",
          "/users",
          "/reports",
          "/audit",
          "/profile",
        ],
      ],
      [
        clinic.provider.email,
        ["/subjects", "/subjects?q=a", `/subjects/${subject}`, `/subjects/${subject}/video`],
      ],
      [clinic.patient.user.email, ["/visits", `/visits/${visit.id}`, "/profile"]],
    ];
    const violations: string[] = [];
    for (const [email, paths] of pagesOf) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
          violations.push(`${page.url()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => violations.push(`${page.url()}: ${error.message}`));
      if (email) await signInOverHttp(page, email);
      for (const path of paths) {
        const response = await page.goto(path);
        const policy = response?.headers()["content-security-policy"] ?? "";
        expect(policy, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
        expect(policy, path).toContain("frame-ancestors 'none'");
        expect(policy, path).not.toContain("unsafe-eval");
        if (email) expect(response?.headers()["cache-control"], path).toBe("no-store");
        await page.waitForLoadState("networkidle");
      }
      await context.close();
    }
    expect(violations).toEqual([]);
  });

  test("personal data and join links are never cached, and HSTS is sent over HTTPS", async ({
    page,
    signInAs,
    factories,
    request,
    linkZoom,
  }) => {
    const clinic = await signInAs("provider");
    await linkZoom(clinic);
    const visit = await factories.createVisit({
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
    });
    const search = await page.request.get("/api/subjects?q=a");
    expect(search.status()).toBe(200);
    expect(search.headers()["cache-control"]).toBe("no-store");
    const join = await page.request.get(`/api/visits/${visit.id}/join`, { maxRedirects: 0 });
    expect(join.status()).toBe(302);
    expect(join.headers()["cache-control"]).toBe("no-store");
    const overHttps = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
    const overHttp = await request.get("/sign-in");
    expect(overHttp.headers()["strict-transport-security"]).toBeUndefined();
  });
});
