"use client";

import { useEffect, useState } from "react";

import { openRetryingEventSource } from "@/components/realtime/open-retrying-event-source";
import { BOARD_EVENTS, type BoardRow } from "@/lib/today/types";

export type BoardConnection = "off" | "connecting" | "live" | "reconnecting";

/**
 * The board's rows, kept live by ONE `GET /api/today/events` stream (null `query`: a past day,
 * read-only, no stream). Every (re)connection begins with all the rows.
 */
export function useBoardStream(
  initial: BoardRow[],
  query: string | null,
): { rows: BoardRow[]; connection: BoardConnection } {
  const [rows, setRows] = useState(initial);
  const [connection, setConnection] = useState<BoardConnection>(query ? "connecting" : "off");

  useEffect(() => {
    if (!query) return;
    const stream = openRetryingEventSource(`/api/today/events?${query}`, {
      events: {
        [BOARD_EVENTS.rows]: (data) => {
          setRows(JSON.parse(data) as BoardRow[]);
          setConnection("live");
        },
        [BOARD_EVENTS.row]: (data) => {
          const row = JSON.parse(data) as BoardRow;
          setRows((current) => [...current.filter((each) => each.visitId !== row.visitId), row]);
        },
        [BOARD_EVENTS.gone]: (data) => {
          const { visitId } = JSON.parse(data) as { visitId: string };
          setRows((current) => current.filter((each) => each.visitId !== visitId));
        },
      },
      onReconnecting: () => setConnection("reconnecting"),
    });
    return stream.close;
  }, [query]);

  return { rows, connection };
}
