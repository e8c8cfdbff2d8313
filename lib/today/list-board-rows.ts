import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { boardRowSelect, type BoardRowRecord, toBoardRow } from "@/lib/today/board-row";
import type { BoardScope } from "@/lib/today/board-scope";
import { BOARD_ROW_LIMIT, type BoardRow } from "@/lib/today/types";

export type ListBoardRowsOptions = { viewer: Viewer; scope: BoardScope };

/** The scope's records (cancelled ones included), capped at BOARD_ROW_LIMIT; not audited. */
export async function readBoardRecords(scope: BoardScope): Promise<BoardRowRecord[]> {
  return db.visit.findMany({
    where: {
      organizationId: scope.organizationId,
      ...(scope.providerId ? { providerId: scope.providerId } : {}),
      scheduledStart: { gte: scope.from, lt: scope.to },
    },
    orderBy: [{ scheduledStart: "asc" }, { id: "asc" }],
    take: BOARD_ROW_LIMIT,
    select: boardRowSelect,
  });
}

/** The board's rows, by start time. Reading them (names, record numbers) is audited. */
export async function listBoardRows({ viewer, scope }: ListBoardRowsOptions): Promise<BoardRow[]> {
  const records = await readBoardRecords(scope);
  await recordAudit(db, {
    actor: viewer,
    action: "today.view",
    targetType: "visit",
    details: {
      count: records.length,
      providerId: scope.providerId,
      from: scope.from.toISOString(),
    },
  });
  return records.map(toBoardRow);
}
