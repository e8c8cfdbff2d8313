"use client";

import { useEffect, useState } from "react";

import { BOARD_EVENTS, type BoardRow } from "@/lib/today/types";

export type BoardConnection = "off" | "connecting" | "live" | "reconnecting";

const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 30_000;

const parse = <T>(event: Event) => JSON.parse((event as MessageEvent<string>).data) as T;

/**
 * The board's rows, kept live by ONE `GET /api/today/events` stream (null `query`: a past day,
 * read-only, no stream). Every (re)connection begins with all the rows; when the server refused
 * the stream, a new one is opened with growing delays.
 */
export function useBoardStream(
  initial: BoardRow[],
  query: string | null,
): { rows: BoardRow[]; connection: BoardConnection } {
  const [rows, setRows] = useState(initial);
  const [connection, setConnection] = useState<BoardConnection>(query ? "connecting" : "off");

  useEffect(() => {
    if (!query) return;
    let source: EventSource | null = null;
    let retryMs = RETRY_MIN_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source = new EventSource(`/api/today/events?${query}`);
      source.addEventListener(BOARD_EVENTS.rows, (event) => {
        retryMs = RETRY_MIN_MS;
        setRows(parse<BoardRow[]>(event));
        setConnection("live");
      });
      source.addEventListener(BOARD_EVENTS.row, (event) => {
        const row = parse<BoardRow>(event);
        setRows((current) => [...current.filter((each) => each.visitId !== row.visitId), row]);
      });
      source.addEventListener(BOARD_EVENTS.gone, (event) => {
        const { visitId } = parse<{ visitId: string }>(event);
        setRows((current) => current.filter((each) => each.visitId !== visitId));
      });
      source.addEventListener("error", () => {
        setConnection("reconnecting");
        if (source?.readyState !== EventSource.CLOSED) return; // the browser retries by itself
        timer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      });
    };
    connect();
    return () => {
      clearTimeout(timer);
      source?.close();
    };
  }, [query]);

  return { rows, connection };
}
