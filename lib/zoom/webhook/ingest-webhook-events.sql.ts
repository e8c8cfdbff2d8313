import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { type VisitStatus, ZoomConnectionStatus } from "@/generated/prisma/enums";

export type PlacementRow = {
  zoomAccountId: string;
  organizationId: string;
  id: string | null;
  status: VisitStatus | null;
  providerId: string;
  subjectId: string;
  zoomHostId: string | null;
  zoomMeetingId: string;
  subjectUserId: string | null;
  subjectEmail: string | null;
};

/**
 * In one statement: each account's organization (its connection that is not removed) and, locked
 * in id order as lockVisits locks them (lib/visits/attendance/lock-visit.sql.ts), the visit of each
 * meeting in it (the newest, should a meeting id repeat). An organization without any of the
 * meetings comes back once, without a visit.
 */
export const buildPlacementsSql = (
  accountIds: string[],
  meetings: { accountId: string; meetingId: string }[],
) => Prisma.sql`
  WITH "organization" AS (
    SELECT DISTINCT ON ("zoomAccountId") "zoomAccountId", "organizationId"
      FROM "ZoomConnection"
     WHERE "zoomAccountId" = ANY(${accountIds}::text[])
       AND "status" <> ${ZoomConnectionStatus.REMOVED}::"ZoomConnectionStatus"
     ORDER BY "zoomAccountId", "linkedAt" DESC
  ), "meeting" AS (
    SELECT DISTINCT ON (v."organizationId", v."zoomMeetingId") v."id"
      FROM unnest(${meetings.map((meeting) => meeting.accountId)}::text[],
                  ${meetings.map((meeting) => meeting.meetingId)}::bigint[])
        AS m("zoomAccountId", "zoomMeetingId")
      JOIN "organization" AS o USING ("zoomAccountId")
      JOIN "Visit" AS v
        ON v."organizationId" = o."organizationId" AND v."zoomMeetingId" = m."zoomMeetingId"
     ORDER BY v."organizationId", v."zoomMeetingId", v."createdAt" DESC
  ), "locked" AS MATERIALIZED (
    SELECT "id", "status", "organizationId", "providerId", "subjectId", "zoomHostId",
           "zoomMeetingId"
      FROM "Visit" WHERE "id" IN (SELECT "id" FROM "meeting") ORDER BY "id" FOR UPDATE
  )
  SELECT o."zoomAccountId", o."organizationId"::text AS "organizationId", l."id"::text AS "id",
         l."status"::text AS "status", l."providerId"::text AS "providerId",
         l."subjectId"::text AS "subjectId", l."zoomHostId",
         l."zoomMeetingId"::text AS "zoomMeetingId", s."userId"::text AS "subjectUserId",
         s."email" AS "subjectEmail"
    FROM "organization" AS o
    LEFT JOIN "locked" AS l ON l."organizationId" = o."organizationId"
    LEFT JOIN "Subject" AS s ON s."id" = l."subjectId"`;
