import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { findGuestByToken } from "@/lib/guests/find-guest-by-token";
import { buildGuestJoinUrl } from "@/lib/guests/guest-join-url";
import { deriveGuestLinkState, type GuestLinkState } from "@/lib/guests/guest-link-state";
import { hashGuestSecret } from "@/lib/guests/guest-token";

export type ClaimGuestLinkOptions = {
  token: string;
  /** This browser's claim cookie (a new random one when it has none). */
  claimSecret: string;
  ip?: string | null;
  now?: Date;
};

export type ClaimGuestLinkResult =
  | { kind: "unknown" }
  | Exclude<GuestLinkState, { kind: "usable" }>
  | { kind: "no_meeting" }
  | { kind: "joined"; url: string };

/**
 * The guest's Join: the first browser claims the link (one conditional UPDATE, so that of two
 * browsers racing exactly one wins), later joins from that browser pass, any other browser is
 * refused. Then the meeting's address for this guest; every join is audited (ids, never the token).
 */
export async function claimGuestLink({
  token,
  claimSecret,
  ip = null,
  now = new Date(),
}: ClaimGuestLinkOptions): Promise<ClaimGuestLinkResult> {
  const guest = await findGuestByToken(token);
  if (!guest) return { kind: "unknown" };
  const claimHash = hashGuestSecret(claimSecret);
  const state = deriveGuestLinkState(guest, claimHash, now);
  if (state.kind !== "usable") return state;
  if (!guest.claimHash) {
    const claimed = await db.visitGuest.updateMany({
      where: { id: guest.id, claimHash: null, revokedAt: null, unusedUntil: { gt: now } },
      data: { claimHash, claimedAt: now },
    });
    if (claimed.count === 0) return claimGuestLink({ token, claimSecret, ip, now });
  }
  let joining: Awaited<ReturnType<typeof buildGuestJoinUrl>>;
  try {
    joining = await buildGuestJoinUrl(guest);
  } catch (error) {
    if (!isAppError(error, "conflict")) throw error;
    return { kind: "no_meeting" };
  }
  await recordAudit(db, {
    actor: null,
    organizationId: guest.organizationId,
    ip,
    action: "guest.join",
    targetType: "visit_guest",
    targetId: guest.id,
    subjectId: guest.visit.subjectId,
    details: { visitId: guest.visitId, mode: joining.mode, isFirstJoin: !guest.claimHash },
  });
  return { kind: "joined", url: joining.url };
}
