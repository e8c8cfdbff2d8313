import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { sqlTime } from "@/lib/db/sql";
import type { IdentifiedParticipantEvent } from "@/lib/visits/attendance/record-participant-event";

/** Identified participant events, inserted in one statement whatever their number. */
export function buildStoreParticipantEventsSql(events: IdentifiedParticipantEvent[]): Prisma.Sql {
  const column = <T>(pick: (event: IdentifiedParticipantEvent) => T) => events.map(pick);
  return Prisma.sql`
    INSERT INTO "ParticipantEvent" ("visitId", "notificationId", "kind", "occurredAt",
      "participantKey", "role", "userId", "guestId", "zoomUserId", "zoomParticipantUuid", "registrantId",
      "customerKey", "displayName")
    SELECT * FROM unnest(${column((event) => event.visit.id)}::uuid[],
      ${column((event) => event.notificationId.toString())}::bigint[],
      ${column((event) => event.kind)}::"ParticipantEventKind"[],
      ${column((event) => sqlTime(event.occurredAt))}::timestamp(3)[],
      ${column((event) => event.person.participantKey)}::text[],
      ${column((event) => event.person.role)}::"ParticipantRole"[],
      ${column((event) => event.person.userId)}::uuid[],
      ${column((event) => event.person.guestId)}::uuid[],
      ${column((event) => event.person.zoomUserId)}::text[],
      ${column((event) => event.clues.participantUuid || null)}::text[],
      ${column((event) => event.clues.registrantId || null)}::text[],
      ${column((event) => event.clues.customerKey || null)}::text[],
      ${column((event) => event.person.displayName)}::text[])`;
}
