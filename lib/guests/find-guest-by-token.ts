import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/db";
import { hashGuestSecret } from "@/lib/guests/guest-token";
import { guestTokenSchema } from "@/lib/guests/schemas";
import { visitPhaseSelect } from "@/lib/visits/visit-phase";

// The guest a link's token belongs to, found by the token's hash (the token itself is not stored).
// A token that is not one of ours in form is not looked up.

export const guestByTokenSelect = {
  id: true,
  organizationId: true,
  visitId: true,
  name: true,
  locale: true,
  unusedUntil: true,
  claimHash: true,
  claimedAt: true,
  revokedAt: true,
  visit: {
    select: {
      ...visitPhaseSelect,
      id: true,
      subjectId: true,
      organization: { select: { name: true, timeZone: true } },
    },
  },
} satisfies Prisma.VisitGuestSelect;

export type GuestByToken = Prisma.VisitGuestGetPayload<{ select: typeof guestByTokenSelect }>;

export async function findGuestByToken(token: string): Promise<GuestByToken | null> {
  if (!guestTokenSchema.safeParse(token).success) return null;
  return db.visitGuest.findUnique({
    where: { tokenHash: hashGuestSecret(token) },
    select: guestByTokenSelect,
  });
}
