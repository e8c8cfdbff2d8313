import bcrypt from "bcryptjs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { Role } from "@/generated/prisma/enums";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { SIGN_IN_LIMITS } from "@/lib/auth/rate-limit";
import { SignInError, type SignInFailure } from "@/lib/auth/sign-in-failure";
import { db } from "@/lib/db/db";
import { createOrganization, createUser, DEMO_PASSWORD, uniqueToken } from "@/prisma/factories";

async function failureOf(attempt: Promise<unknown>): Promise<SignInFailure> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SignInError))
    throw new Error(`Expected a SignInError, got ${String(error)}`);
  return error.failure;
}

async function newUser(overrides: { isActive?: boolean; username?: string } = {}) {
  const organization = await createOrganization(db);
  return createUser(db, { organizationId: organization.id, role: Role.CARE_TEAM, ...overrides });
}

const uniqueIp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${uniqueToken()}`;

describe("authenticateWithPassword", () => {
  it("signs in by email or username, records the sign-in and returns the session claims", async () => {
    const user = await newUser({ username: `user-${uniqueToken()}` });
    const byEmail = await authenticateWithPassword({
      identifier: user.email,
      password: DEMO_PASSWORD,
      ip: uniqueIp(),
    });
    expect(byEmail).toMatchObject({
      id: user.id,
      role: Role.CARE_TEAM,
      organizationId: user.organizationId,
      sessionVersion: 1,
    });
    const byUsername = await authenticateWithPassword({
      identifier: user.username ?? "",
      password: DEMO_PASSWORD,
      ip: uniqueIp(),
    });
    expect(byUsername.id).toBe(user.id);

    const audit = await db.auditEvent.findMany({
      where: { targetId: user.id, action: "auth.sign_in" },
    });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actorUserId: user.id,
      organizationId: user.organizationId,
      details: { method: "password" },
    });
    const row = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { lastSignInAt: true },
    });
    expect(row.lastSignInAt).not.toBeNull();
  });

  it("signs in with a bcrypt hash from before, and replaces it with argon2id then (not on a wrong password)", async () => {
    const user = await newUser();
    const legacy = await bcrypt.hash(DEMO_PASSWORD, 4);
    await db.user.update({ where: { id: user.id }, data: { passwordHash: legacy } });
    const storedHash = async () =>
      (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } }))
        .passwordHash;

    await failureOf(
      authenticateWithPassword({ identifier: user.email, password: "wrong", ip: uniqueIp() }),
    );
    expect(await storedHash()).toBe(legacy);
    await authenticateWithPassword({
      identifier: user.email,
      password: DEMO_PASSWORD,
      ip: uniqueIp(),
    });
    const rehashed = await storedHash();
    expect(rehashed).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(DEMO_PASSWORD, rehashed)).toBe(true);
    // bcrypt read only 72 bytes; the new hash reads them all.
    const long = `${"x".repeat(72)}-the-real-ending`;
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(long) },
    });
    expect(
      await failureOf(
        authenticateWithPassword({
          identifier: user.email,
          password: `${"x".repeat(72)}-an-impostor`,
          ip: uniqueIp(),
        }),
      ),
    ).toEqual({ reason: "invalid_credentials" });
    await expect(
      authenticateWithPassword({ identifier: user.email, password: long, ip: uniqueIp() }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("refuses a wrong password, an unknown account and a deactivated account alike", async () => {
    const user = await newUser();
    const inactive = await newUser({ isActive: false });
    const ip = uniqueIp();
    expect(
      await failureOf(authenticateWithPassword({ identifier: user.email, password: "wrong", ip })),
    ).toEqual({ reason: "invalid_credentials" });
    expect(
      await failureOf(
        authenticateWithPassword({
          identifier: `nobody-${uniqueToken()}@x.test`,
          password: DEMO_PASSWORD,
          ip,
        }),
      ),
    ).toEqual({ reason: "invalid_credentials" });
    expect(
      await failureOf(
        authenticateWithPassword({ identifier: inactive.email, password: DEMO_PASSWORD, ip }),
      ),
    ).toEqual({ reason: "invalid_credentials" });

    const failures = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", ip } });
    expect(failures).toHaveLength(3);
    expect(failures.map((row) => row.details)).toEqual(
      Array(3).fill({ reason: "invalid_credentials" }),
    );
  });

  it("never locks the owner out: after five failures, the right password from an address that has not been failing signs in", async () => {
    const user = await newUser();
    const attacker = uniqueIp();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.passwordAccount.limit; attempt++) {
      await failureOf(
        authenticateWithPassword({ identifier: user.email, password: "wrong", ip: attacker }),
      );
    }
    // The attacker's address is slowed down, even with the right password...
    const slowed = await failureOf(
      authenticateWithPassword({ identifier: user.email, password: DEMO_PASSWORD, ip: attacker }),
    );
    expect(slowed.reason).toBe("rate_limited");
    expect(slowed.value).toBeGreaterThan(SIGN_IN_LIMITS.passwordAccount.windowSeconds - 60);
    // ...the owner, elsewhere, is not.
    await expect(
      authenticateWithPassword({ identifier: user.email, password: DEMO_PASSWORD, ip: uniqueIp() }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("holds any mix of attackers' guesses to a bounded count, and lets the owner in from a fresh address (generated)", async () => {
    const { passwordAccount, passwordAccountAddress } = SIGN_IN_LIMITS;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((addresses) =>
          fc.record({
            addresses: fc.constant(addresses),
            guesses: fc.array(fc.integer({ min: 0, max: addresses - 1 }), { maxLength: 24 }),
          }),
        ),
        async ({ addresses, guesses }) => {
          const user = await newUser();
          const attackers = Array.from({ length: addresses }, uniqueIp);
          let checked = 0;
          for (const index of guesses) {
            const failure = await failureOf(
              authenticateWithPassword({
                identifier: user.email,
                password: `guess-${checked}`,
                ip: attackers[index] ?? null,
              }),
            );
            expect(["invalid_credentials", "rate_limited"]).toContain(failure.reason);
            if (failure.reason === "invalid_credentials") checked += 1;
          }
          expect(checked).toBeLessThanOrEqual(
            passwordAccount.limit + addresses * passwordAccountAddress.limit,
          );
          await expect(
            authenticateWithPassword({
              identifier: user.email,
              password: DEMO_PASSWORD,
              ip: uniqueIp(),
            }),
          ).resolves.toMatchObject({ id: user.id });
        },
      ),
      { numRuns: 12, seed: 20_261_206 },
    );
  });

  it("forgives earlier failures after a successful sign-in", async () => {
    const user = await newUser();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.passwordAccount.limit - 1; attempt++) {
      await failureOf(
        authenticateWithPassword({ identifier: user.email, password: "wrong", ip: uniqueIp() }),
      );
    }
    await authenticateWithPassword({
      identifier: user.email,
      password: DEMO_PASSWORD,
      ip: uniqueIp(),
    });
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.passwordAccount.limit - 1; attempt++) {
      await failureOf(
        authenticateWithPassword({ identifier: user.email, password: "wrong", ip: uniqueIp() }),
      );
    }
    await expect(
      authenticateWithPassword({ identifier: user.email, password: DEMO_PASSWORD, ip: uniqueIp() }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("limits failures per address across accounts, but not successful sign-ins", async () => {
    const ip = uniqueIp();
    const user = await newUser();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.ip.limit + 5; attempt++) {
      await authenticateWithPassword({ identifier: user.email, password: DEMO_PASSWORD, ip });
    }
    const perAccount = SIGN_IN_LIMITS.passwordAccount.limit;
    for (let failed = 0; failed < SIGN_IN_LIMITS.ip.limit; failed += perAccount) {
      const victim = await newUser();
      const guesses = Math.min(perAccount, SIGN_IN_LIMITS.ip.limit - failed);
      for (let guess = 0; guess < guesses; guess++) {
        expect(
          (
            await failureOf(
              authenticateWithPassword({ identifier: victim.email, password: "x", ip }),
            )
          ).reason,
        ).toBe("invalid_credentials");
      }
    }
    const blocked = await failureOf(
      authenticateWithPassword({ identifier: user.email, password: DEMO_PASSWORD, ip }),
    );
    expect(blocked.reason).toBe("rate_limited");
    await expect(
      authenticateWithPassword({ identifier: user.email, password: DEMO_PASSWORD, ip: uniqueIp() }),
    ).resolves.toMatchObject({
      id: user.id,
    });
  });
});
