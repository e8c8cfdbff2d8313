import { createHash } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  DEV_CLIENT,
  DEV_REDIRECT_URI,
  getCode,
  requestToken,
  startTestEmulator,
  submitConsent,
  type TestEmulator,
} from "../testing/harness";
import { oauthErrorSchema, tokenResponseSchema } from "../testing/protocol-schemas";

// The authorization-code flow: consent page, redirects, PKCE and the code's one-shot life.

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
});

function authorizeUrl(params: Record<string, string>) {
  const url = new URL(`${emulator.url}/oauth/authorize`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

const VALID = { response_type: "code", client_id: DEV_CLIENT.id, redirect_uri: DEV_REDIRECT_URI };

async function exchange(code: string, extra: Record<string, string> = {}) {
  const response = await requestToken(emulator, {
    grant_type: "authorization_code",
    code,
    redirect_uri: DEV_REDIRECT_URI,
    ...extra,
  });
  const body: unknown = await response.json();
  return { status: response.status, body };
}

describe("GET /oauth/authorize", () => {
  it("shows an accessible consent page", async () => {
    const response = await fetch(authorizeUrl({ ...VALID, state: "s1" }));
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain("<h1>Allow CareVisit to access your Zoom account?</h1>");
    expect(page).toContain('<label for="user_email">Signed in to Zoom as</label>');
    expect(page).toMatch(/<option value="zoom-admin@carevisit.test" selected>/);
    expect(page).toContain(
      '<label for="shared_access" style="display:inline">Allow this app to use my shared access permissions</label>',
    );
    expect(page).toContain('<button type="submit" name="decision" value="allow">Allow</button>');
    expect(page).toContain(
      '<button type="submit" name="decision" value="decline">Decline</button>',
    );
    expect(page).toContain("<code>meeting:write:admin</code>");
    expect(page).toContain('name="state" value="s1"');
  });

  it("shows an error page, never a redirect, for an unregistered redirect_uri (4709)", async () => {
    const response = await fetch(authorizeUrl({ ...VALID, redirect_uri: `${DEV_REDIRECT_URI}/` }), {
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("4709");
  });

  it("shows an error page for an unknown client_id and for a response_type other than code", async () => {
    const badClient = await fetch(authorizeUrl({ ...VALID, client_id: "nope" }));
    expect(badClient.status).toBe(400);
    expect(await badClient.text()).toContain("Invalid client_id");
    const badType = await fetch(authorizeUrl({ ...VALID, response_type: "token" }));
    expect(badType.status).toBe(400);
  });
});

describe("POST /oauth/authorize", () => {
  it("redirects with the code and passes state through unchanged", async () => {
    const state = "a b&c=d/é";
    const response = await submitConsent(emulator, { state });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(DEV_REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe(state);
    expect(location.searchParams.get("code")).toMatch(/^[\w-]{20,}$/);
  });

  it("omits state when none was sent", async () => {
    const response = await submitConsent(emulator);
    expect(new URL(response.headers.get("location") ?? "").searchParams.has("state")).toBe(false);
  });

  it("redirects with error=access_denied on decline", async () => {
    const response = await submitConsent(emulator, { decision: "decline", state: "xyz" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("xyz");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it("refuses a member: only an owner or admin can add an account-level app", async () => {
    const response = await submitConsent(emulator, { userEmail: "provider@carevisit.test" });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("Only an account owner or admin can add this app.");
    expect(page).toMatch(/<option value="provider@carevisit.test" selected>/);
  });

  it("refuses when the shared-access box is not ticked", async () => {
    const response = await submitConsent(emulator, { sharedAccess: false });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(
      "Tick &quot;Allow this app to use my shared access permissions&quot; to continue.",
    );
  });
});

describe("POST /oauth/token with authorization_code", () => {
  it("returns Zoom's token response", async () => {
    const { status, body } = await exchange(await getCode(emulator));
    expect(status).toBe(200);
    const tokens = tokenResponseSchema.parse(body);
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.scope).toBe(
      "meeting:read:admin meeting:write:admin user:read:admin user:write:admin report:read:admin",
    );
    expect(tokens.api_url).toBe(emulator.publicUrl);
  });

  it("accepts the parameters in the query string", async () => {
    const code = await getCode(emulator);
    const query = new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: DEV_REDIRECT_URI,
    });
    const response = await fetch(`${emulator.url}/oauth/token?${query.toString()}`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${DEV_CLIENT.id}:${DEV_CLIENT.secret}`).toString("base64")}`,
      },
    });
    expect(response.status).toBe(200);
  });

  it("works once: a reused code is invalid_grant", async () => {
    const code = await getCode(emulator);
    expect((await exchange(code)).status).toBe(200);
    const reused = await exchange(code);
    expect(reused.status).toBe(400);
    expect(oauthErrorSchema.parse(reused.body).error).toBe("invalid_grant");
  });

  it("expires after 5 minutes on the emulator clock", async () => {
    const code = await getCode(emulator);
    await emulator.control("POST", "/_emulator/clock", { advanceSeconds: 301 });
    const expired = await exchange(code);
    expect(expired.status).toBe(400);
    expect(oauthErrorSchema.parse(expired.body)).toEqual({
      reason: "Authorization code is expired",
      error: "invalid_grant",
    });
  });

  it("requires the same redirect_uri as the authorization", async () => {
    const { status, body } = await exchange(await getCode(emulator), {
      redirect_uri: "http://localhost:3000/other",
    });
    expect(status).toBe(400);
    expect(oauthErrorSchema.parse(body)).toEqual({
      reason: "Redirect URI mismatch",
      error: "invalid_grant",
    });
  });

  it("verifies an S256 PKCE verifier", async () => {
    const verifier = "v".repeat(20) + "erifier-with-enough-length-0123456789";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const code = await getCode(emulator, { codeChallenge: challenge, codeChallengeMethod: "S256" });
    expect((await exchange(code, { code_verifier: verifier })).status).toBe(200);
    const wrongCode = await getCode(emulator, {
      codeChallenge: challenge,
      codeChallengeMethod: "S256",
    });
    const wrong = await exchange(wrongCode, { code_verifier: `${verifier}x` });
    expect(oauthErrorSchema.parse(wrong.body)).toEqual({
      reason: "Invalid code_verifier",
      error: "invalid_grant",
    });
  });

  it("verifies a plain verifier, plain being the default method", async () => {
    const verifier = "p".repeat(50);
    const explicit = await getCode(emulator, {
      codeChallenge: verifier,
      codeChallengeMethod: "plain",
    });
    expect((await exchange(explicit, { code_verifier: verifier })).status).toBe(200);
    const implicit = await getCode(emulator, { codeChallenge: verifier });
    expect((await exchange(implicit, { code_verifier: verifier })).status).toBe(200);
  });

  it("requires code_verifier when a challenge was given", async () => {
    const code = await getCode(emulator, {
      codeChallenge: "c".repeat(43),
      codeChallengeMethod: "plain",
    });
    const { status, body } = await exchange(code);
    expect(status).toBe(400);
    expect(oauthErrorSchema.parse(body).error).toBe("invalid_request");
  });

  it("answers 401 invalid_client for wrong client credentials", async () => {
    const response = await requestToken(
      emulator,
      { grant_type: "authorization_code", code: "x", redirect_uri: DEV_REDIRECT_URI },
      `Basic ${Buffer.from(`${DEV_CLIENT.id}:wrong`).toString("base64")}`,
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      reason: "Invalid client_id or client_secret",
      error: "invalid_client",
    });
  });

  it("rejects other grant types and missing parameters", async () => {
    const unsupported = await requestToken(emulator, { grant_type: "password" });
    expect(unsupported.status).toBe(400);
    expect(await unsupported.json()).toEqual({
      reason: "Unsupported grant type",
      error: "unsupported_grant_type",
    });
    const missing = await requestToken(emulator, {
      grant_type: "authorization_code",
      redirect_uri: DEV_REDIRECT_URI,
    });
    expect(missing.status).toBe(400);
    expect(oauthErrorSchema.parse(await missing.json()).error).toBe("invalid_request");
  });
});
