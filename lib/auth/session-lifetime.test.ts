import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { deriveSessionEnd, deriveSessionEndForClinic } from "@/lib/auth/session-lifetime";

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 6, 12);
const options = { nowMs: NOW, maxHours: 12 };

describe("deriveSessionEnd", () => {
  it("ends a session idle for its timeout, or older than the absolute lifetime, and no other (generated)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.integer({ min: 5, max: 720 }),
        (signedInMinutesAgo, idleMinutes, timeout) => {
          const idle = Math.min(idleMinutes, signedInMinutesAgo);
          const ended = deriveSessionEnd(
            {
              signedInAtMs: NOW - signedInMinutesAgo * MINUTE,
              issuedAtMs: NOW - idle * MINUTE,
              idleMinutes: timeout,
            },
            options,
          );
          if (signedInMinutesAgo >= 12 * 60) expect(ended).toBe("expired");
          else if (idle >= timeout) expect(ended).toBe("inactivity");
          else expect(ended).toBeNull();
        },
      ),
    );
  });

  it("ends a session begun under a longer idle timeout than its clinic's of today", () => {
    const times = { signedInAtMs: NOW - MINUTE, issuedAtMs: NOW - MINUTE, idleMinutes: 60 };
    expect(deriveSessionEndForClinic(times, 30, options)).toBe("expired");
    expect(deriveSessionEndForClinic(times, 60, options)).toBeNull();
    expect(deriveSessionEndForClinic(times, 120, options)).toBeNull();
  });
});
