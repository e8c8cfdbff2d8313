import {
  deriveVisitPhase,
  isClosedPhase,
  joinOpensAt,
  type VisitPhaseFacts,
} from "@/lib/visits/visit-phase";

// What a guest link may do now, from the guest's row, the visit and the browser's claim. Pure: the
// page (opening the link) and the Join button (claiming it) both ask this function.

export type GuestLinkFacts = {
  unusedUntil: Date;
  claimHash: string | null;
  claimedAt: Date | null;
  revokedAt: Date | null;
  visit: VisitPhaseFacts;
};

export type GuestLinkState =
  | { kind: "usable" }
  | { kind: "not_yet"; opensAt: Date }
  | { kind: "revoked" }
  | { kind: "cancelled" }
  | { kind: "expired" }
  | { kind: "in_use" };

/**
 * In order: revoked; the visit cancelled; the visit over (the link never outlives it); a link
 * nobody used past its unused window; another browser's claim; before the join window (as for
 * patients, 15 minutes before the start); else usable. `browserClaimHash` is the hash of this
 * browser's claim cookie, if it has one.
 */
export function deriveGuestLinkState(
  guest: GuestLinkFacts,
  browserClaimHash: string | null,
  now: Date,
): GuestLinkState {
  if (guest.revokedAt) return { kind: "revoked" };
  const phase = deriveVisitPhase(guest.visit, now);
  if (phase === "cancelled") return { kind: "cancelled" };
  if (isClosedPhase(phase)) return { kind: "expired" };
  if (!guest.claimHash && now >= guest.unusedUntil) return { kind: "expired" };
  if (guest.claimHash && guest.claimHash !== browserClaimHash) return { kind: "in_use" };
  if (now < joinOpensAt(guest.visit)) return { kind: "not_yet", opensAt: joinOpensAt(guest.visit) };
  return { kind: "usable" };
}

/** When a new link stops working unused: N minutes after it can first be used (the visit's end ends it anyway). */
export function deriveUnusedUntil(
  visit: Pick<VisitPhaseFacts, "scheduledStart" | "durationMinutes">,
  unusedMinutes: number,
  now: Date,
): Date {
  const usableFrom = Math.max(now.getTime(), joinOpensAt(visit).getTime());
  return new Date(usableFrom + unusedMinutes * 60_000);
}
