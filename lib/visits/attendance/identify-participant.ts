import "server-only";

import { ParticipantRole, Role } from "@/generated/prisma/enums";
import { sha256Hex } from "@/lib/crypto/hmac";
import type { Tx } from "@/lib/db/db";
import { type Sql, sqlOf } from "@/lib/db/sql";
import {
  buildCandidateUsersSql,
  buildEarlierKeysSql,
  type CandidateUserRow,
  type EarlierKeyRow,
} from "@/lib/visits/attendance/identify-participant.sql";

// Who a participant is, from what the notification says about them, in this order: our user id
// (`customer_key`, or the telehealth ExternalID), their Zoom user id, their email. Unmatched
// participants are kept, keyed by Zoom's ids. @see zoom-protocols.md §2.5, §2.6
// Several participants are identified at once with two queries, whatever their number.

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

export type ParticipantToIdentify = { visit: ParticipantVisit; clues: ParticipantClues };

type EarlierKey = Pick<IdentifiedParticipant, "participantKey" | "role" | "userId">;
type UserRow = CandidateUserRow;
type CandidateUsers = {
  byId: Map<string, UserRow>;
  byZoomUserId: Map<string, UserRow>;
  byEmail: Map<string, UserRow>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ourUserIdOf = (clues: ParticipantClues) =>
  clues.ourUserId && UUID.test(clues.ourUserId) ? clues.ourUserId.toLowerCase() : null;
const emailOf = (clues: ParticipantClues) => clues.email?.toLowerCase() || null;
const inOrganization = (organizationId: string, value: string) => `${organizationId}|${value}`;
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

async function findCandidateUsers(
  sql: Sql,
  items: ParticipantToIdentify[],
): Promise<CandidateUsers> {
  const ids = items.map((item) => ourUserIdOf(item.clues)).filter((id) => id !== null);
  const zoomUserIds = items
    .map((item) => item.clues.zoomUserId)
    .filter((id): id is string => Boolean(id));
  const emails = items.map((item) => emailOf(item.clues)).filter((email) => email !== null);
  const rows =
    ids.length + zoomUserIds.length + emails.length === 0
      ? []
      : await sql.query<UserRow>(
          buildCandidateUsersSql({
            organizationIds: [...new Set(items.map((item) => item.visit.organizationId))],
            ids,
            zoomUserIds,
            emails,
          }),
        );
  const users: CandidateUsers = { byId: new Map(), byZoomUserId: new Map(), byEmail: new Map() };
  for (const user of rows) {
    users.byId.set(inOrganization(user.organizationId, user.id), user);
    users.byEmail.set(inOrganization(user.organizationId, user.email), user);
    if (user.videoConferenceUserId)
      users.byZoomUserId.set(inOrganization(user.organizationId, user.videoConferenceUserId), user);
  }
  return users;
}

function findUser(
  { visit, clues }: ParticipantToIdentify,
  users: CandidateUsers,
): Pick<UserRow, "id" | "role"> | null {
  const inVisitOrganization = (value: string) => inOrganization(visit.organizationId, value);
  const ourUserId = ourUserIdOf(clues);
  const byId = ourUserId ? users.byId.get(inVisitOrganization(ourUserId)) : undefined;
  if (byId) return byId;
  if (clues.zoomUserId) {
    if (clues.zoomUserId === visit.zoomHostId)
      return { id: visit.providerId, role: Role.CARE_TEAM };
    const byZoomUserId = users.byZoomUserId.get(inVisitOrganization(clues.zoomUserId));
    if (byZoomUserId) return byZoomUserId;
  }
  const email = emailOf(clues);
  return (email && users.byEmail.get(inVisitOrganization(email))) || null;
}

function keyFor(clues: ParticipantClues): string {
  if (clues.participantUuid) return `zoom-participant:${clues.participantUuid}`;
  if (clues.zoomUserId) return `zoom-user:${clues.zoomUserId}`;
  if (clues.email) return `email:${sha256Hex(clues.email.toLowerCase())}`;
  if (clues.fallbackKey) return clues.fallbackKey;
  return `zoom-join:${clues.joinId ?? "unknown"}`;
}

function decide(item: ParticipantToIdentify, users: CandidateUsers): IdentifiedParticipant {
  const { visit, clues } = item;
  const { subject } = visit;
  const user = findUser(item, users);
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

/** Identifies each participant, in order: a later item sees the earlier ones of its batch. */
export async function identifyParticipants(
  sql: Sql,
  items: ParticipantToIdentify[],
): Promise<IdentifiedParticipant[]> {
  if (items.length === 0) return [];
  const [firstEvents, users] = await Promise.all([
    findEarlierKeys(sql, items),
    findCandidateUsers(sql, items),
  ]);
  return items.map((item) => {
    const { clues } = item;
    // The same person in the same meeting keeps the key their first event got (Zoom's waiting
    // room events may carry less than the join event).
    const key = clues.participantUuid ? uuidKey(item.visit.id, clues.participantUuid) : null;
    const first = key ? firstEvents.get(key) : undefined;
    if (first?.userId)
      return {
        ...first,
        zoomUserId: clues.zoomUserId ?? null,
        displayName: clues.displayName ?? null,
      };
    const person = decide(item, users);
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
