import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { VisitStatus } from "@/generated/prisma/enums";
import { sqlEnum } from "@/lib/db/sql";

export type ReconcileCandidateRow = { id: string };

/**
 * Visits not reconciled yet whose meeting is over: ended a while ago, or never ended and long past
 * their scheduled end. The oldest first, a batch at a time.
 */
export const buildReconcileCandidatesSql = (options: {
  now: Date;
  lookBackDays: number;
  settleMinutes: number;
  overdueMinutes: number;
  batch: number;
}) => Prisma.sql`
  SELECT "id" FROM "Visit"
   WHERE "attendanceReconciledAt" IS NULL AND "zoomMeetingId" IS NOT NULL
     AND "scheduledStart" > ${options.now}::timestamp - make_interval(days => ${options.lookBackDays})
     AND (("status" = ${sqlEnum(VisitStatus.ENDED)}
           AND "endedAt" < ${options.now}::timestamp - make_interval(mins => ${options.settleMinutes}))
       OR ("status" IN (${sqlEnum(VisitStatus.SCHEDULED)}, ${sqlEnum(VisitStatus.IN_PROGRESS)})
           AND "scheduledStart" + make_interval(mins => "durationMinutes" + ${options.overdueMinutes})
               < ${options.now}::timestamp))
   ORDER BY "scheduledStart"
   LIMIT ${options.batch}`;
