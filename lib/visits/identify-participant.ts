import "server-only";

import { ParticipantRole, Role } from "@/generated/prisma/enums";
import { sha256Hex } from "@/lib/crypto/hmac";
import type { Tx } from "@/lib/db";

// Who a participant is, from what the notification says about them, in this order: our user id
// (`customer_key`, or the telehealth ExternalID), their Zoom user id, their email. Unmatched
// participants are kept, keyed by Zoom's ids. @see zoom-protocols.md §2.5, §2.6

export type ParticipantClues = {
  /** Our user id, when the sender knows it (customer_key, telehealth ExternalID). */
  ourUserId?: string | null;
  zoomUserId?: string | null;
  email?: string | null;
  participantUuid?: string | null;
  /** Zoom's per-join user id: a last resort, it changes with every join. */
  joinId?: string | null;
  displayName?: string | null;
  /** For people we cannot match: the sender's own identifier, e.g. "external:2:E123". */
  fallbackKey?: string | null;
};

export type IdentifiedParticipant = {
  participantKey: string;
  role: ParticipantRole;
  userId: string | null;
  zoomUserId: string | null;
  displayName: string | null;
};

/** The visit a participant event belongs to, as the inbound handlers load it. */
export type ParticipantVisit = {
  id: string;
  organizationId: string;
  providerId: string;
  subjectId: string;
  zoomHostId: string | null;
  subject: { userId: string | null; email: string | null };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findUser(tx: Tx, visit: ParticipantVisit, clues: ParticipantClues) {
  const select = { id: true, role: true } as const;
  if (clues.ourUserId && UUID.test(clues.ourUserId)) {
    const user = await tx.user.findFirst({
      where: { id: clues.ourUserId, organizationId: visit.organizationId },
      select,
    });
    if (user) return user;
  }
  if (clues.zoomUserId) {
    if (clues.zoomUserId === visit.zoomHostId)
      return { id: visit.providerId, role: Role.CARE_TEAM };
    const user = await tx.user.findFirst({
      where: { organizationId: visit.organizationId, videoConferenceUserId: clues.zoomUserId },
      select,
    });
    if (user) return user;
  }
  if (clues.email) {
    const user = await tx.user.findFirst({
      where: { organizationId: visit.organizationId, email: clues.email.toLowerCase() },
      select,
    });
    if (user) return user;
  }
  return null;
}

function keyFor(clues: ParticipantClues): string {
  if (clues.participantUuid) return `zoom-participant:${clues.participantUuid}`;
  if (clues.zoomUserId) return `zoom-user:${clues.zoomUserId}`;
  if (clues.email) return `email:${sha256Hex(clues.email.toLowerCase())}`;
  if (clues.fallbackKey) return clues.fallbackKey;
  return `zoom-join:${clues.joinId ?? "unknown"}`;
}

export async function identifyParticipant(
  tx: Tx,
  visit: ParticipantVisit,
  clues: ParticipantClues,
): Promise<IdentifiedParticipant> {
  // The same person in the same meeting keeps the key their earlier events got (Zoom's waiting
  // room events may carry less than the join event).
  if (clues.participantUuid) {
    const earlier = await tx.participantEvent.findFirst({
      where: { visitId: visit.id, zoomParticipantUuid: clues.participantUuid },
      orderBy: { id: "asc" },
      select: { participantKey: true, role: true, userId: true },
    });
    if (earlier?.userId)
      return {
        ...earlier,
        zoomUserId: clues.zoomUserId ?? null,
        displayName: clues.displayName ?? null,
      };
  }
  const { subject } = visit;
  const user = await findUser(tx, visit, clues);
  const isSubjectsEmail = Boolean(
    clues.email && subject.email && clues.email.toLowerCase() === subject.email,
  );
  const role = !user
    ? isSubjectsEmail
      ? ParticipantRole.PATIENT
      : ParticipantRole.UNKNOWN
    : user.id === visit.providerId
      ? ParticipantRole.PROVIDER
      : user.id === subject.userId
        ? ParticipantRole.PATIENT
        : user.role === Role.PATIENT
          ? ParticipantRole.UNKNOWN
          : ParticipantRole.STAFF;
  const userId = user?.id ?? (isSubjectsEmail ? (subject.userId ?? null) : null);
  return {
    participantKey: userId ? `user:${userId}` : keyFor(clues),
    role,
    userId,
    zoomUserId: clues.zoomUserId || null,
    displayName: clues.displayName?.slice(0, 200) ?? null,
  };
}
