import { monitorEventLoopDelay } from "node:perf_hooks";

import bcrypt from "bcryptjs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { isAppError } from "@/lib/errors";
import {
  hashPassword,
  MAX_CONCURRENT_HASHES,
  MAX_WAITING_HASHES,
  passwordNeedsRehash,
  verifyPassword,
} from "@/lib/auth/password";

// Real argon2 and bcrypt. Generated passwords use cheap parameters; the event-loop and limit
// checks use the production parameters.

const CHEAP = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

describe("password hashes", () => {
  it("are argon2id with today's parameters, and verify only the right password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(passwordNeedsRehash(hash)).toBe(false);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
    expect(await verifyPassword("anything", "not a hash")).toBe(false);
  });

  it("do not stop at 72 bytes: a password sharing its first 72 bytes with the real one is refused", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 73, maxLength: 120 }),
        fc.string({ minLength: 1, maxLength: 20 }),
        async (real, otherTail) => {
          const impostor = `${real.slice(0, 72)}${otherTail}`;
          fc.pre(impostor !== real);
          const hash = await hashPassword(real, CHEAP);
          expect(await verifyPassword(real, hash)).toBe(true);
          expect(await verifyPassword(impostor, hash)).toBe(false);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("keeps bcrypt hashes from before verifiable, and marks them (and other parameters) for rehashing", async () => {
    const legacy = await bcrypt.hash("an old password", 4);
    expect(await verifyPassword("an old password", legacy)).toBe(true);
    expect(await verifyPassword("another password", legacy)).toBe(false);
    expect(passwordNeedsRehash(legacy)).toBe(true);
    expect(passwordNeedsRehash(await hashPassword("cheap", CHEAP))).toBe(true);
  });

  it("checks passwords off the event loop: eight at once leave it free", async () => {
    const hash = await hashPassword("the real password");
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const checks = Array.from({ length: 8 }, (_, index) => verifyPassword(`guess ${index}`, hash));
    expect(await Promise.all(checks)).toEqual(Array(8).fill(false));
    delay.disable();
    // bcrypt (cost 12) on the event loop held it for hundreds of milliseconds at a time.
    expect(delay.max / 1e6).toBeLessThan(100);
  });

  it("checks at most a few at once per instance, queues some more, and refuses the rest with 'try again'", async () => {
    // Which checks are refused is decided when they are asked for, whatever the hash's cost.
    const hash = await hashPassword("the real password", CHEAP);
    const count = MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES + 5;
    const outcomes = await Promise.allSettled(
      Array.from({ length: count }, (_, index) => verifyPassword(`guess ${index}`, hash)),
    );
    const refused = outcomes.filter(
      (outcome) => outcome.status === "rejected" && isAppError(outcome.reason, "rate_limited"),
    );
    expect(refused).toHaveLength(5);
    const answered = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(answered).toHaveLength(MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES);
    // After the burst, checks are taken again.
    expect(await verifyPassword("the real password", hash)).toBe(true);
  });
});
