import "server-only";

import type { ParticipantEventKind } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import {
  type IdentifiedParticipant,
  identifyParticipant,
  type ParticipantClues,
  type ParticipantVisit,
} from "@/lib/visits/identify-participant";
import { recomputeVisitState } from "@/lib/visits/recompute-visit-state";

// The one way a join, leave or waiting-room move reaches a visit, whoever sent it (Zoom's webhook,
// the telehealth GET, the participants report): identify the person, store the event next to the
// notification that carried it, then derive the visit's state again. Runs inside the
// notification's transaction, so the notification, the event and the new state commit together.

export type { ParticipantVisit };

export type ParticipantEventInput = {
  visit: ParticipantVisit;
  notificationId: bigint;
  kind: ParticipantEventKind;
  occurredAt: Date;
  clues: ParticipantClues & { registrantId?: string | null; customerKey?: string | null };
};

export const participantVisitSelect = {
  id: true,
  organizationId: true,
  providerId: true,
  subjectId: true,
  zoomHostId: true,
  subject: { select: { userId: true, email: true } },
} as const;

export async function recordParticipantEvent(tx: Tx, input: ParticipantEventInput): Promise<void> {
  const person = await identifyParticipant(tx, input.visit, input.clues);
  await storeParticipantEvent(tx, { ...input, person });
  await recomputeVisitState(tx, input.visit.id);
}

/** Stores one event of an already identified person; the caller derives the visit's state after. */
export async function storeParticipantEvent(
  tx: Tx,
  {
    visit,
    notificationId,
    kind,
    occurredAt,
    clues,
    person,
  }: ParticipantEventInput & { person: IdentifiedParticipant },
): Promise<void> {
  await tx.participantEvent.create({
    data: {
      visitId: visit.id,
      notificationId,
      kind,
      occurredAt,
      participantKey: person.participantKey,
      role: person.role,
      userId: person.userId,
      zoomUserId: person.zoomUserId,
      zoomParticipantUuid: clues.participantUuid || null,
      registrantId: clues.registrantId || null,
      customerKey: clues.customerKey || null,
      displayName: person.displayName,
    },
    select: { id: true },
  });
}
