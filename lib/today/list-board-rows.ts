import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { pooledSql } from "@/lib/db/sql";
import type { BoardScope } from "@/lib/today/board-scope";
import { type BoardRowRecord, buildBoardRowsSql } from "@/lib/today/board-rows.sql";
import { BOARD_ROW_LIMIT, type BoardRow } from "@/lib/today/types";

export type ListBoardRowsOptions = { viewer: Viewer; scope: BoardScope };

/** The scope's records (cancelled ones included), capped at BOARD_ROW_LIMIT; not audited. */
export function readBoardRecords(scope: BoardScope): Promise<BoardRowRecord[]> {
  return pooledSql.query<BoardRowRecord>(buildBoardRowsSql(scope, BOARD_ROW_LIMIT));
}

/**
 * The board's rows, by start time. Reading them (names, record numbers) is audited, by the same
 * statement.
 */
export async function listBoardRows({ viewer, scope }: ListBoardRowsOptions): Promise<BoardRow[]> {
  const records = await pooledSql.query<BoardRowRecord>(
    buildBoardRowsSql(scope, BOARD_ROW_LIMIT, {
      actor: viewer,
      action: "today.view",
      targetType: "visit",
      details: { providerId: scope.providerId, from: scope.from.toISOString() },
    }),
  );
  return records.map((record) => record.row);
}
