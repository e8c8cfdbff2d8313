import "server-only";

import {
  NotificationOutcome,
  NotificationSource,
  ParticipantEventKind,
  VisitStatus,
} from "@/generated/prisma/enums";
import { sha256Hex } from "@/lib/crypto/hmac";
import { db, type Tx } from "@/lib/db/db";
import { sqlOf } from "@/lib/db/sql";
import { storeNotifications } from "@/lib/inbound/store-notifications";
import { errorFields, log } from "@/lib/log";
import { identifyParticipant } from "@/lib/visits/attendance/identify-participant";
import { lockVisit } from "@/lib/visits/attendance/lock-visit";
import {
  buildReconcileCandidatesSql,
  type ReconcileCandidateRow,
} from "@/lib/visits/attendance/reconcile-attendance.sql";
import { recomputeVisitState } from "@/lib/visits/attendance/recompute-visit-state";
import { MEETING_ENDED } from "@/lib/visits/attendance/visit-state";
import {
  type ParticipantVisit,
  participantVisitSelect,
  storeParticipantEvent,
} from "@/lib/visits/attendance/record-participant-event";
import { listZoomReportParticipants, type ZoomReportParticipant } from "@/lib/zoom/api/reports";
import { zoomErrorOf } from "@/lib/zoom/api/request";
import { findActiveZoomConnection } from "@/lib/zoom/connection";

// After a visit's meeting is over, its attendance is checked against Zoom's participants report:
// stays that lost webhooks missed are added as events (source ZOOM_REPORT) and the state derived
// again. Reports repeat what webhooks said; the derivation ignores a join of someone already in
// and a leave of someone already out, so repeating is harmless for people we can identify. Guests
// cannot be matched between a report row and their webhooks, so their rows are used only when no
// webhook reached the visit at all.

const BATCH = 20;
/** Zoom's report lags the meeting's end a little. */
const SETTLE_MINUTES = 2;
/** When `meeting.ended` never arrived: this long after the scheduled end. */
const OVERDUE_MINUTES = 30;
const LOOK_BACK_DAYS = 7;

type Candidate = ParticipantVisit & { zoomMeetingId: bigint };

async function findCandidates(now: Date): Promise<Candidate[]> {
  const rows = await db.$queryRaw<ReconcileCandidateRow[]>(
    buildReconcileCandidatesSql({
      now,
      lookBackDays: LOOK_BACK_DAYS,
      settleMinutes: SETTLE_MINUTES,
      overdueMinutes: OVERDUE_MINUTES,
      batch: BATCH,
    }),
  );
  const visits = await db.visit.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    select: { ...participantVisitSelect, zoomMeetingId: true },
  });
  return visits.filter((visit): visit is Candidate => visit.zoomMeetingId !== null);
}

/** What the ledger keeps of a report row: ids and times, not the person's name or email. */
const withoutPersonalData = ({ name: _name, user_email: _email, ...row }: ZoomReportParticipant) =>
  row;

// Parsed rows list their fields in the schema's order, so equal rows give equal keys.
const reportKey = (visitId: string, row: ZoomReportParticipant, kind: string) =>
  `zoom-report:${visitId}:${sha256Hex(JSON.stringify(row))}:${kind}`;

/** Stores a report-derived notification once; null when an earlier run stored it already. */
async function storeReportNotification(
  tx: Tx,
  visit: Candidate,
  data: { dedupeKey: string; eventType: string; eventAt: Date; payload: unknown },
  now: Date,
): Promise<bigint | null> {
  const stored = await storeNotifications(sqlOf(tx), NotificationSource.ZOOM_REPORT, [
    {
      ...data,
      receivedAt: now,
      organizationId: visit.organizationId,
      visitId: visit.id,
      outcome: NotificationOutcome.APPLIED,
    },
  ]);
  return stored.get(data.dedupeKey) ?? null;
}

async function applyReport(
  tx: Tx,
  visit: Candidate,
  rows: ZoomReportParticipant[],
  now: Date,
): Promise<number> {
  const status = await lockVisit(tx, visit.id);
  if (status === null || status === VisitStatus.CANCELLED) return 0;
  const webhookEvents = await tx.participantEvent.count({
    where: { visitId: visit.id, notification: { source: { not: NotificationSource.ZOOM_REPORT } } },
  });
  let added = 0;
  for (const row of rows) {
    const clues = {
      ourUserId: row.customer_key,
      customerKey: row.customer_key,
      registrantId: row.registrant_id,
      zoomUserId: row.participant_user_id || row.id,
      email: row.user_email,
      joinId: row.user_id,
      displayName: row.name,
    };
    const person = await identifyParticipant(tx, visit, clues);
    if (webhookEvents > 0 && !person.userId && !person.guestId) continue;
    for (const [kind, at] of [
      [ParticipantEventKind.JOINED, row.join_time],
      [ParticipantEventKind.LEFT, row.leave_time],
    ] as const) {
      const notificationId = await storeReportNotification(
        tx,
        visit,
        {
          dedupeKey: reportKey(visit.id, row, kind),
          eventType: `report.participant_${kind.toLowerCase()}`,
          eventAt: new Date(at),
          payload: withoutPersonalData(row),
        },
        now,
      );
      if (notificationId === null) continue;
      await storeParticipantEvent(tx, {
        visit,
        notificationId,
        kind,
        occurredAt: new Date(at),
        clues,
        person,
      });
      added += 1;
    }
  }
  const lastLeave = Math.max(...rows.map((row) => Date.parse(row.leave_time)));
  const hasEnded = await tx.inboundNotification.count({
    where: { visitId: visit.id, eventType: MEETING_ENDED },
  });
  if (rows.length > 0 && hasEnded === 0)
    await storeReportNotification(
      tx,
      visit,
      {
        dedupeKey: `zoom-report:${visit.id}:ended`,
        eventType: MEETING_ENDED,
        eventAt: new Date(lastLeave),
        payload: { inferredFrom: "participants report" },
      },
      now,
    );
  await recomputeVisitState(tx, visit.id);
  await tx.visit.update({
    where: { id: visit.id },
    data: { attendanceReconciledAt: now },
    select: { id: true },
  });
  return added;
}

/** Zoom answers 4xx for a meeting never held or a plan without reports: nothing to add, ever. */
const isFinalRefusal = (error: unknown) => {
  const zoom = zoomErrorOf(error);
  return zoom !== null && zoom.status >= 400 && zoom.status < 500 && zoom.status !== 429;
};

/** One run of the reconciliation job: a batch of finished visits checked against Zoom's report. */
export async function reconcileFinishedVisits(
  now = new Date(),
): Promise<{ checked: number; added: number }> {
  let checked = 0;
  let added = 0;
  for (const visit of await findCandidates(now)) {
    const connection = await findActiveZoomConnection(visit.organizationId);
    if (!connection) continue; // Zoom unlinked or broken: try again on a later run
    let rows: ZoomReportParticipant[];
    try {
      rows = await listZoomReportParticipants(connection, visit.zoomMeetingId);
    } catch (error) {
      if (!isFinalRefusal(error)) {
        log.warn("attendance.report_unavailable", { visitId: visit.id, ...errorFields(error) });
        continue;
      }
      rows = [];
    }
    added += await db.$transaction((tx) => applyReport(tx, visit, rows, now));
    checked += 1;
  }
  return { checked, added };
}
