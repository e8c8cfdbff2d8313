import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { VisitStatus } from "@/generated/prisma/enums";

export type LockedVisitRow = { id: string; status: VisitStatus };

/**
 * The visits' rows locked `FOR UPDATE` in id order, with their statuses. Webhook ingest locks the
 * visits of its batch the same way, in the same order (ingest-webhook-events.sql.ts).
 */
export const buildLockVisitsSql = (visitIds: string[]) => Prisma.sql`
  SELECT "id"::text AS "id", "status"::text AS "status" FROM "Visit"
   WHERE "id" = ANY(${visitIds}::uuid[]) ORDER BY "id" FOR UPDATE`;
