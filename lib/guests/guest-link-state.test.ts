import { describe, expect, it } from "vitest";

import { PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import {
  deriveGuestLinkState,
  deriveUnusedUntil,
  type GuestLinkFacts,
} from "@/lib/guests/guest-link-state";

const MINUTE = 60_000;
const START = new Date("2026-12-07T15:00:00Z");
const at = (minutes: number) => new Date(START.getTime() + minutes * MINUTE);

function guest(overrides: Partial<GuestLinkFacts> = {}): GuestLinkFacts {
  return {
    unusedUntil: at(45),
    claimHash: null,
    claimedAt: null,
    revokedAt: null,
    visit: {
      status: VisitStatus.SCHEDULED,
      scheduledStart: START,
      durationMinutes: 30,
      noShowAt: null,
      patientPresence: PatientPresence.NOT_JOINED,
      isProviderPresent: false,
    },
    ...overrides,
  };
}

describe("deriveGuestLinkState", () => {
  it("is usable in the join window, for nobody's claim or this browser's", () => {
    expect(deriveGuestLinkState(guest(), null, at(-10))).toEqual({ kind: "usable" });
    expect(deriveGuestLinkState(guest({ claimHash: "h" }), "h", at(5))).toEqual({ kind: "usable" });
  });

  it("says when it opens, before the join window", () => {
    expect(deriveGuestLinkState(guest(), null, at(-20))).toEqual({
      kind: "not_yet",
      opensAt: at(-15),
    });
  });

  it("refuses another browser, a revoked link, a cancelled or ended visit, an unused link too late", () => {
    expect(deriveGuestLinkState(guest({ claimHash: "h" }), "other", at(0)).kind).toBe("in_use");
    expect(deriveGuestLinkState(guest({ claimHash: "h" }), null, at(0)).kind).toBe("in_use");
    expect(
      deriveGuestLinkState(guest({ revokedAt: at(-1), claimHash: "h" }), "h", at(0)).kind,
    ).toBe("revoked");
    const cancelled = guest({ visit: { ...guest().visit, status: VisitStatus.CANCELLED } });
    expect(deriveGuestLinkState(cancelled, null, at(0)).kind).toBe("cancelled");
    expect(deriveGuestLinkState(guest({ claimHash: "h" }), "h", at(31)).kind).toBe("expired");
    expect(deriveGuestLinkState(guest({ unusedUntil: at(10) }), null, at(10)).kind).toBe("expired");
    // A claimed link is not bound by the unused window.
    expect(
      deriveGuestLinkState(guest({ unusedUntil: at(10), claimHash: "h" }), "h", at(20)).kind,
    ).toBe("usable");
  });

  it("keeps a live visit joinable past its slot", () => {
    const live = guest({
      visit: { ...guest().visit, status: VisitStatus.IN_PROGRESS },
      claimHash: "h",
    });
    expect(deriveGuestLinkState(live, "h", at(40)).kind).toBe("usable");
  });
});

describe("deriveUnusedUntil", () => {
  it("counts from the join window, or from now once it is open", () => {
    expect(deriveUnusedUntil(guest().visit, 60, at(-24 * 60))).toEqual(at(45));
    expect(deriveUnusedUntil(guest().visit, 60, at(0))).toEqual(at(60));
  });
});
