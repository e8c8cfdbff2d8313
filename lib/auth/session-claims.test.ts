import type * as nextAuthJwt from "next-auth/jwt";
import { encode, getToken } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { readSessionClaims } from "@/lib/auth/session-claims";

// The real Auth.js decoder, counted: a cached token must not be decrypted again.
vi.mock("next-auth/jwt", async (importOriginal) => {
  const actual = await importOriginal<typeof nextAuthJwt>();
  return { ...actual, getToken: vi.fn(actual.getToken) };
});

const SECRET = "a-test-secret-of-at-least-thirty-two-chars";
const COOKIE = "authjs.session-token";
const SECURE_COOKIE = "__Secure-authjs.session-token";
const UID = "6b0f5c8e-3d4a-4f1e-9a7b-2c1d0e9f8a7b";
const SIGNED_IN_AT = Math.floor(Date.now() / 1000) - 60;

async function sessionCookie(
  claims: Record<string, unknown>,
  options: { name?: string; maxAge?: number; secret?: string } = {},
) {
  const name = options.name ?? COOKIE;
  const token = await encode({
    // Every session token carries its sign-in time and idle timeout (lib/auth/session-lifetime.ts).
    token: { st: SIGNED_IN_AT, il: 30, ...claims },
    secret: options.secret ?? SECRET,
    salt: name,
    maxAge: options.maxAge ?? 3600,
  });
  return `other=1; ${name}=${token}`;
}

describe("readSessionClaims", () => {
  beforeEach(() => {
    vi.mocked(getToken).mockClear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reads the user and session version of a valid token, under either cookie name", async () => {
    for (const name of [COOKIE, SECURE_COOKIE]) {
      const cookie = await sessionCookie({ uid: UID, sv: 3 }, { name });
      await expect(readSessionClaims(cookie, SECRET)).resolves.toEqual({
        id: UID,
        sessionVersion: 3,
        issuedAtMs: expect.any(Number) as number,
        signedInAtMs: SIGNED_IN_AT * 1000,
        idleMinutes: 30,
      });
    }
  });

  it("decrypts a token once and then serves its claims from the cache", async () => {
    const cookie = await sessionCookie({ uid: UID, sv: 1 });
    const first = await readSessionClaims(cookie, SECRET);
    const calls = vi.mocked(getToken).mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    await expect(readSessionClaims(cookie, SECRET)).resolves.toEqual(first);
    expect(vi.mocked(getToken).mock.calls.length).toBe(calls);
  });

  it("is no session without a cookie or a session token, and decrypts nothing then", async () => {
    await expect(readSessionClaims(null, SECRET)).resolves.toBeNull();
    await expect(readSessionClaims("", SECRET)).resolves.toBeNull();
    await expect(
      readSessionClaims("theme=dark; x-authjs.session-token=1", SECRET),
    ).resolves.toBeNull();
    expect(getToken).not.toHaveBeenCalled();
  });

  it("reads only the cookie name Auth.js reads on the scheme, when told the scheme", async () => {
    const plain = await sessionCookie({ uid: UID, sv: 5 });
    const secure = await sessionCookie({ uid: UID, sv: 6 }, { name: SECURE_COOKIE });
    await expect(readSessionClaims(plain, SECRET, { isHttps: true })).resolves.toBeNull();
    await expect(readSessionClaims(secure, SECRET, { isHttps: false })).resolves.toBeNull();
    await expect(readSessionClaims(secure, SECRET, { isHttps: true })).resolves.toMatchObject({
      sessionVersion: 6,
    });
    await expect(readSessionClaims(plain, SECRET, { isHttps: false })).resolves.toMatchObject({
      sessionVersion: 5,
    });
  });

  it("keys the cache on the session cookie alone: other cookies do not make it decrypt again", async () => {
    const cookie = await sessionCookie({ uid: UID, sv: 2 });
    const first = await readSessionClaims(cookie, SECRET);
    const calls = vi.mocked(getToken).mock.calls.length;
    const reordered = `${cookie.replace("other=1; ", "")}; theme=dark; other=2`;
    await expect(readSessionClaims(reordered, SECRET)).resolves.toEqual(first);
    expect(vi.mocked(getToken).mock.calls.length).toBe(calls);
  });

  it("reads a session cookie that Auth.js split into chunks", async () => {
    const cookie = await sessionCookie({ uid: UID, sv: 4 });
    const token = cookie.slice(cookie.indexOf(`${COOKIE}=`) + COOKIE.length + 1);
    const half = Math.floor(token.length / 2);
    const chunked = `${COOKIE}.0=${token.slice(0, half)}; theme=dark; ${COOKIE}.1=${token.slice(half)}`;
    await expect(readSessionClaims(chunked, SECRET)).resolves.toMatchObject({
      id: UID,
      sessionVersion: 4,
    });
  });

  it("refuses a tampered token every time, without caching it", async () => {
    const cookie = await sessionCookie({ uid: UID, sv: 1 });
    const tampered = `${cookie.slice(0, -6)}${cookie.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"}`;
    await expect(readSessionClaims(tampered, SECRET)).resolves.toBeNull();
    const calls = vi.mocked(getToken).mock.calls.length;
    await expect(readSessionClaims(tampered, SECRET)).resolves.toBeNull();
    expect(vi.mocked(getToken).mock.calls.length).toBeGreaterThan(calls);
  });

  it("refuses a token made with another secret, even after the same cookie was read with its own", async () => {
    const cookie = await sessionCookie({ uid: UID, sv: 1 }, { secret: `${SECRET}-other` });
    await expect(readSessionClaims(cookie, `${SECRET}-other`)).resolves.not.toBeNull();
    await expect(readSessionClaims(cookie, SECRET)).resolves.toBeNull();
  });

  it("refuses a token without a user id or a session version", async () => {
    for (const claims of [
      { sv: 1 },
      { uid: UID },
      { uid: UID, sv: 0 },
      // Issued before sessions had a lifetime: no sign-in time.
      { uid: UID, sv: 1, st: undefined },
      { uid: UID, sv: 1, il: undefined },
    ]) {
      const cookie = await sessionCookie(claims);
      await expect(readSessionClaims(cookie, SECRET)).resolves.toBeNull();
    }
  });

  it("says when the token was issued, to the second", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-30T10:00:00.750Z"));
    const cookie = await sessionCookie({ uid: UID, sv: 1 });
    vi.setSystemTime(new Date("2026-11-30T10:04:00Z"));
    await expect(readSessionClaims(cookie, SECRET)).resolves.toMatchObject({
      issuedAtMs: Date.parse("2026-11-30T10:00:00Z"),
    });
  });

  it("stops serving a cached token the moment it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const cookie = await sessionCookie({ uid: UID, sv: 1 }, { maxAge: 60 });
    await expect(readSessionClaims(cookie, SECRET)).resolves.not.toBeNull();
    vi.setSystemTime(Date.now() + 59_000);
    await expect(readSessionClaims(cookie, SECRET)).resolves.not.toBeNull();
    vi.setSystemTime(Date.now() + 2_000);
    await expect(readSessionClaims(cookie, SECRET)).resolves.toBeNull();
    await expect(readSessionClaims(cookie, SECRET)).resolves.toBeNull();
  });
});
