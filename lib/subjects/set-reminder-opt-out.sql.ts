import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { VisitMessageKind, VisitMessageStatus, VisitStatus } from "@/generated/prisma/enums";
import { sqlEnum, sqlTime } from "@/lib/db/sql";
import { REMINDERS_STOPPED_REASON } from "@/lib/subjects/constants";

// The subject's reminders when they stop or resume reminders (one statement each, in the
// transaction that changes Subject.remindersOptedOutAt). Invitations, changes and cancellations
// are never touched: the patient still needs to know about their visits.

/** Cancels the subject's reminders still waiting to go, saying why. */
export const buildCancelQueuedRemindersSql = (subjectId: string, now: Date) => Prisma.sql`
  UPDATE "VisitMessage"
     SET "status" = ${sqlEnum(VisitMessageStatus.CANCELLED)}, "lastError" = ${REMINDERS_STOPPED_REASON},
         "updatedAt" = ${sqlTime(now)}::timestamp(3)
   WHERE "kind" = ${sqlEnum(VisitMessageKind.REMINDER)}
     AND "status" = ${sqlEnum(VisitMessageStatus.QUEUED)}
     AND "visitId" IN (SELECT "id" FROM "Visit" WHERE "subjectId" = ${subjectId}::uuid)`;

/**
 * Queues again the reminders the opt-out cancelled that still make sense: their time is ahead,
 * their visit is still scheduled and they belong to its current version (a visit moved since has
 * reminders of its own sequence).
 */
export const buildRequeueStoppedRemindersSql = (subjectId: string, now: Date) => Prisma.sql`
  UPDATE "VisitMessage" m
     SET "status" = ${sqlEnum(VisitMessageStatus.QUEUED)}, "lastError" = NULL,
         "updatedAt" = ${sqlTime(now)}::timestamp(3)
    FROM "Visit" v
   WHERE v."id" = m."visitId"
     AND v."subjectId" = ${subjectId}::uuid
     AND v."status" = ${sqlEnum(VisitStatus.SCHEDULED)}
     AND m."sequence" = v."calendarSequence"
     AND m."kind" = ${sqlEnum(VisitMessageKind.REMINDER)}
     AND m."status" = ${sqlEnum(VisitMessageStatus.CANCELLED)}
     AND m."lastError" = ${REMINDERS_STOPPED_REASON}
     AND m."notBefore" > ${sqlTime(now)}::timestamp(3)`;
