import "server-only";

import type { ParticipantEventKind } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/db";
import { type Sql, sqlOf } from "@/lib/db/sql";
import {
  type IdentifiedParticipant,
  identifyParticipant,
  type ParticipantClues,
  type ParticipantVisit,
} from "@/lib/visits/attendance/identify-participant";
import { recomputeVisitStates } from "@/lib/visits/attendance/recompute-visit-state";
import { buildStoreParticipantEventsSql } from "@/lib/visits/attendance/record-participant-event.sql";

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
  clues: ParticipantClues & { customerKey?: string | null };
};

export type IdentifiedParticipantEvent = ParticipantEventInput & { person: IdentifiedParticipant };

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
  await recomputeVisitStates(sqlOf(tx), [input.visit.id]);
}

/** Stores one event of an already identified person; the caller derives the visit's state after. */
export async function storeParticipantEvent(
  tx: Tx,
  event: IdentifiedParticipantEvent,
): Promise<void> {
  await storeParticipantEvents(sqlOf(tx), [event]);
}

/** Stores identified events, in one statement. */
export async function storeParticipantEvents(
  sql: Sql,
  events: IdentifiedParticipantEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await sql.execute(buildStoreParticipantEventsSql(events));
}
