import "server-only";

import type { Tx } from "@/lib/db/db";
import { type Sql, sqlOf } from "@/lib/db/sql";
import {
  buildDeleteAttendanceSql,
  buildStoreVisitStatesSql,
  buildVisitEventsSql,
  type VisitEventRow,
} from "@/lib/visits/attendance/recompute-visit-state.sql";
import {
  deriveVisitState,
  MEETING_STARTED,
  type VisitEvent,
  type VisitState,
} from "@/lib/visits/attendance/visit-state";

async function readEvents(sql: Sql, visitIds: string[]): Promise<Map<string, VisitEvent[]>> {
  const rows = await sql.query<VisitEventRow>(buildVisitEventsSql(visitIds));
  const events = new Map<string, VisitEvent[]>(visitIds.map((id) => [id, []]));
  for (const { visitId, eventType, kind, at, ...person } of rows)
    events
      .get(visitId)
      ?.push(
        kind
          ? { type: "participant", kind, at, ...person }
          : { type: eventType === MEETING_STARTED ? "meeting_started" : "meeting_ended", at },
      );
  return events;
}

/** Replaces the visits' states and attendance, and tells the app instances. */
async function storeStates(sql: Sql, states: [string, VisitState][]): Promise<void> {
  await sql.execute(buildDeleteAttendanceSql(states.map(([visitId]) => visitId)));
  await sql.query(buildStoreVisitStatesSql(states));
}

/**
 * Derives each visit's live state and attendance from all its recorded events and stores them,
 * and tells the app instances (lib/realtime/channels.ts). The caller holds the visits' row locks (lockVisits), so that two
 * notifications of one visit are applied one after the other and the second sees the first, and
 * has checked that no visit is cancelled.
 */
export async function recomputeVisitStates(sql: Sql, visitIds: string[]): Promise<void> {
  const ids = [...new Set(visitIds)];
  if (ids.length === 0) return;
  const events = await readEvents(sql, ids);
  const states = ids.map((id): [string, VisitState] => [id, deriveVisitState(events.get(id)!)]);
  await storeStates(sql, states);
}

export async function recomputeVisitState(tx: Tx, visitId: string): Promise<void> {
  await recomputeVisitStates(sqlOf(tx), [visitId]);
}
