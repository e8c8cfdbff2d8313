import "server-only";

import type { ParticipantRole } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/db";
import { type Sql, sqlOf } from "@/lib/db/sql";
import {
  buildCandidateUsersSql,
  buildEarlierKeysSql,
  buildRegistrantsSql,
  type CandidateUserRow,
  type EarlierKeyRow,
  type RegistrantPair,
  type RegistrantRow,
} from "@/lib/visits/attendance/identify-participant.sql";
import {
  type CandidateUsers,
  deriveParticipant,
  emailOf,
  indexCandidateUsers,
  ourUserIdOf,
  type Registrants,
  registrantKey,
} from "@/lib/visits/attendance/derive-participant";

// Who a participant is, from what the notification says about them, in this order: the person we
// registered (`registrant_id`, docs/decisions/038), our user id (`customer_key`, or the telehealth
// ExternalID), their Zoom user id, their email. Unmatched participants are kept, keyed by Zoom's ids.
// @see docs/protocols/zoom-webhooks.md#payloads
// @see docs/protocols/zoom-webhooks.md#identifying-a-participant
// Several participants are identified at once with three queries (run together), whatever their
// number.

export type ParticipantClues = {
  /** Zoom's registrant id: the person we registered for the meeting (VisitRegistrant). */
  registrantId?: string | null;
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
  /** The visit's guest, when the participant joined through a guest's registrant link. */
  guestId: string | null;
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

export type ParticipantToIdentify = { visit: ParticipantVisit; clues: ParticipantClues };

type EarlierKey = Pick<IdentifiedParticipant, "participantKey" | "role" | "userId" | "guestId">;
const uuidKey = (visitId: string, participantUuid: string) => `${visitId}|${participantUuid}`;

/** The first event of each (visit, Zoom participant uuid): later events of that join keep its key. */
async function findEarlierKeys(
  sql: Sql,
  items: ParticipantToIdentify[],
): Promise<Map<string, EarlierKey>> {
  const pairs = items.filter((item) => item.clues.participantUuid);
  if (pairs.length === 0) return new Map();
  const rows = await sql.query<EarlierKeyRow>(
    buildEarlierKeysSql(
      pairs.map((item) => item.visit.id),
      pairs.map((item) => item.clues.participantUuid ?? null),
    ),
  );
  return new Map(
    rows.map(({ visitId, zoomParticipantUuid, ...earlier }) => [
      uuidKey(visitId, zoomParticipantUuid),
      earlier,
    ]),
  );
}

function registrantPairs(items: ParticipantToIdentify[]): RegistrantPair {
  const withRegistrant = items.filter((item) => item.clues.registrantId);
  return {
    visitIds: withRegistrant.map((item) => item.visit.id),
    registrantIds: withRegistrant.map((item) => item.clues.registrantId ?? ""),
  };
}

async function findRegistrants(sql: Sql, pairs: RegistrantPair): Promise<Registrants> {
  if (pairs.visitIds.length === 0) return new Map();
  const rows = await sql.query<RegistrantRow>(buildRegistrantsSql(pairs));
  return new Map(rows.map((row) => [registrantKey(row.visitId, row.zoomRegistrantId), row]));
}

async function findCandidateUsers(
  sql: Sql,
  items: ParticipantToIdentify[],
  registrants: RegistrantPair,
): Promise<CandidateUsers> {
  const ids = items.map((item) => ourUserIdOf(item.clues)).filter((id) => id !== null);
  const zoomUserIds = items
    .map((item) => item.clues.zoomUserId)
    .filter((id): id is string => Boolean(id));
  const emails = items.map((item) => emailOf(item.clues)).filter((email) => email !== null);
  const rows =
    ids.length + zoomUserIds.length + emails.length + registrants.visitIds.length === 0
      ? []
      : await sql.query<CandidateUserRow>(
          buildCandidateUsersSql({
            organizationIds: [...new Set(items.map((item) => item.visit.organizationId))],
            ids,
            zoomUserIds,
            emails,
            registrants,
          }),
        );
  return indexCandidateUsers(rows);
}

/** Identifies each participant, in order: a later item sees the earlier ones of its batch. */
export async function identifyParticipants(
  sql: Sql,
  items: ParticipantToIdentify[],
): Promise<IdentifiedParticipant[]> {
  if (items.length === 0) return [];
  const pairs = registrantPairs(items);
  const [firstEvents, users, registrants] = await Promise.all([
    findEarlierKeys(sql, items),
    findCandidateUsers(sql, items, pairs),
    findRegistrants(sql, pairs),
  ]);
  return items.map((item) => {
    const { clues } = item;
    // The same person in the same meeting keeps the key their first event got (Zoom's waiting
    // room events may carry less than the join event).
    const key = clues.participantUuid ? uuidKey(item.visit.id, clues.participantUuid) : null;
    const first = key ? firstEvents.get(key) : undefined;
    if (first?.userId || first?.guestId)
      return {
        ...first,
        zoomUserId: clues.zoomUserId ?? null,
        displayName: clues.displayName ?? null,
      };
    const person = deriveParticipant(item, users, registrants);
    if (key && !first) firstEvents.set(key, person);
    return person;
  });
}

export async function identifyParticipant(
  tx: Tx,
  visit: ParticipantVisit,
  clues: ParticipantClues,
): Promise<IdentifiedParticipant> {
  const [person] = await identifyParticipants(sqlOf(tx), [{ visit, clues }]);
  return person!;
}
