import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { IdentifiedParticipant } from "@/lib/visits/attendance/identify-participant";

export type EarlierKeyRow = Pick<
  IdentifiedParticipant,
  "participantKey" | "role" | "userId" | "guestId"
> & {
  visitId: string;
  zoomParticipantUuid: string;
};

/** The first event of each (visit, Zoom participant uuid) pair. */
export const buildEarlierKeysSql = (visitIds: string[], participantUuids: (string | null)[]) =>
  Prisma.sql`
    SELECT DISTINCT ON ("visitId", "zoomParticipantUuid")
           "visitId"::text AS "visitId", "zoomParticipantUuid", "participantKey",
           "role"::text AS "role", "userId"::text AS "userId", "guestId"::text AS "guestId"
      FROM "ParticipantEvent"
     WHERE ("visitId", "zoomParticipantUuid")
           IN (SELECT * FROM unnest(${visitIds}::uuid[], ${participantUuids}::text[]))
     ORDER BY "visitId", "zoomParticipantUuid", "id"`;

export type CandidateUserRow = {
  id: string;
  role: Role;
  organizationId: string;
  videoConferenceUserId: string | null;
  email: string;
};

export type RegistrantPair = { visitIds: string[]; registrantIds: string[] };

/**
 * The organizations' users that have one of the ids, Zoom user ids or emails, or that are one of
 * the visits' registrants.
 */
export const buildCandidateUsersSql = (clues: {
  organizationIds: string[];
  ids: string[];
  zoomUserIds: string[];
  emails: string[];
  registrants: RegistrantPair;
}) => Prisma.sql`
  SELECT "id"::text AS "id", "role"::text AS "role",
         "organizationId"::text AS "organizationId", "videoConferenceUserId", "email"
    FROM "User"
   WHERE "organizationId" = ANY(${clues.organizationIds}::uuid[])
     AND ("id" = ANY(${clues.ids}::uuid[]) OR "videoConferenceUserId" = ANY(${clues.zoomUserIds}::text[])
          OR "email" = ANY(${clues.emails}::text[])
          OR "id" IN (SELECT r."userId" FROM "VisitRegistrant" r
                       WHERE (r."visitId", r."zoomRegistrantId") IN (SELECT * FROM unnest(
                         ${clues.registrants.visitIds}::uuid[],
                         ${clues.registrants.registrantIds}::text[]))))`;

export type RegistrantRow = {
  visitId: string;
  zoomRegistrantId: string;
  userId: string | null;
  guestId: string | null;
};

/** The people we registered for the visits' meetings, by Zoom registrant id. */
export const buildRegistrantsSql = ({ visitIds, registrantIds }: RegistrantPair) => Prisma.sql`
  SELECT "visitId"::text AS "visitId", "zoomRegistrantId",
         "userId"::text AS "userId", "guestId"::text AS "guestId"
    FROM "VisitRegistrant"
   WHERE ("visitId", "zoomRegistrantId")
         IN (SELECT * FROM unnest(${visitIds}::uuid[], ${registrantIds}::text[]))`;
