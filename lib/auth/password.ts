import { availableParallelism } from "node:os";

import argon2 from "argon2";
import bcrypt from "bcryptjs";

import { AppError } from "@/lib/errors";

// Passwords are hashed with argon2id (the `argon2` package: a native binding that hashes on
// libuv's thread pool, off the event loop, with no 72-byte limit). Hashes made before with bcrypt
// (bcryptjs, pure JavaScript on the event loop) are still checked, and replaced at the next
// successful sign-in (`passwordNeedsRehash`). Each instance checks at most half its cores'
// worth of passwords at once, so a burst of guesses cannot take every core from other requests;
// a few more wait their turn, and beyond that the check is refused with "try again".

export type PasswordHashOptions = { memoryCost: number; timeCost: number; parallelism: number };

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (about 40 ms here). */
export const PASSWORD_HASH_OPTIONS: PasswordHashOptions = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Hash checks at once per instance: half the cores, at least one. */
export const MAX_CONCURRENT_HASHES = Math.max(1, Math.floor(availableParallelism() / 2));
/**
 * Checks that may wait for a turn; more are refused. 64 take about 2.5 s to clear at 40 ms each:
 * enough for a clinic's sign-ins at the start of a shift and the notifier's 30 allowed failures.
 */
export const MAX_WAITING_HASHES = 64;

// A hash of a random password, compared against when the account does not exist, so that
// unknown accounts take as long as wrong passwords.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,p=1,t=2$DHehUq1Gtgb+pv4hfiWNJw$wc4dbnGZRE1torVlAV9RTrRQnrd5Ylmhckj3ftv+z7Y";

const isBcryptHash = (hash: string) => /^\$2[aby]\$\d\d\$/.test(hash);

let running = 0;
const waiting: (() => void)[] = [];

/** Runs a hash computation within the per-instance limit; throws rate_limited when too many wait. */
async function withHashTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) {
    if (waiting.length >= MAX_WAITING_HASHES)
      throw new AppError("rate_limited", "Too many password checks at once", {
        userMessage: "The server is busy checking passwords. Try again in a few seconds.",
      });
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next)
      next(); // the turn passes on: `running` stays the same
    else running -= 1;
  }
}

export async function hashPassword(
  password: string,
  options: PasswordHashOptions = PASSWORD_HASH_OPTIONS,
): Promise<string> {
  return withHashTurn(() => argon2.hash(password, { type: argon2.argon2id, ...options }));
}

/** Whether the password matches the hash (argon2id, or bcrypt from before); false without a hash. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const stored = hash ?? DUMMY_HASH;
  const matches = await withHashTurn(async () => {
    if (isBcryptHash(stored)) return bcrypt.compare(password, stored);
    try {
      return await argon2.verify(stored, password);
    } catch {
      return false; // not a hash we know: nothing matches it
    }
  });
  return matches && hash !== null;
}

/** Whether a hash that just matched should be replaced: bcrypt, or argon2 with other parameters. */
export function passwordNeedsRehash(hash: string): boolean {
  if (isBcryptHash(hash)) return true;
  try {
    return argon2.needsRehash(hash, PASSWORD_HASH_OPTIONS);
  } catch {
    return true;
  }
}
