import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { deriveGuestLinkState } from "@/lib/guests/guest-link-state";
import type { GuestLinkStatus, VisitGuestView } from "@/lib/guests/types";
import { visitPhaseSelect } from "@/lib/visits/visit-phase";

/** At most this many guests per visit are listed: a visit has a handful. */
const GUESTS_PER_VISIT = 20;

const guestSelect = {
  id: true,
  visitId: true,
  name: true,
  relationship: true,
  email: true,
  unusedUntil: true,
  claimHash: true,
  claimedAt: true,
  revokedAt: true,
  visit: { select: visitPhaseSelect },
} satisfies Prisma.VisitGuestSelect;

type GuestRecord = Prisma.VisitGuestGetPayload<{ select: typeof guestSelect }>;

function statusOf(guest: GuestRecord, now: Date): GuestLinkStatus {
  if (guest.revokedAt) return { kind: "revoked", at: guest.revokedAt };
  if (guest.claimedAt) return { kind: "joined", at: guest.claimedAt };
  const state = deriveGuestLinkState(guest, null, now);
  return state.kind === "expired" || state.kind === "cancelled"
    ? { kind: "expired" }
    : { kind: "not_used" };
}

/** The guests of the viewer's visits, by visit, newest invitation last. Not PHI: no audit. */
export async function listVisitGuests({
  viewer,
  visitIds,
  now = new Date(),
}: {
  viewer: Viewer;
  visitIds: string[];
  now?: Date;
}): Promise<Map<string, VisitGuestView[]>> {
  const byVisit = new Map<string, VisitGuestView[]>();
  if (visitIds.length === 0) return byVisit;
  const guests = await db.visitGuest.findMany({
    where: { organizationId: viewer.organizationId, visitId: { in: visitIds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: visitIds.length * GUESTS_PER_VISIT,
    select: guestSelect,
  });
  for (const guest of guests) {
    const list = byVisit.get(guest.visitId) ?? [];
    list.push({
      id: guest.id,
      visitId: guest.visitId,
      name: guest.name,
      relationship: guest.relationship,
      email: guest.email,
      status: statusOf(guest, now),
    });
    byVisit.set(guest.visitId, list);
  }
  return byVisit;
}
