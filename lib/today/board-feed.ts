import "server-only";

import { pooledSql } from "@/lib/db/sql";
import { errorFields, log } from "@/lib/log";
import { type ChangeHub, changeHub } from "@/lib/realtime/change-hub";
import { VISIT_CHANGED_CHANNEL } from "@/lib/realtime/channels";
import { type BoardRowRecord, buildBoardVisitSql } from "@/lib/today/board-rows.sql";

// The boards' share of the LISTEN hub, one per app process. Every open board stream registers
// here; one subscription to every `visit_changed` serves them all. A notification for a visit
// leads to ONE read of that visit's row, whose result goes to every board of the process, each
// of which keeps it, drops it or adds it by its own scope (a visit just scheduled appears, one
// moved to another day or provider disappears). Reads of the same visit in flight are coalesced:
// notifications that arrive during a read cause one more read after it, not one each.

export type BoardSubscriber = {
  /** The visit as read now, or null when it no longer exists. */
  onVisit(visitId: string, visit: BoardRowRecord | null): void;
  /** Notifications may have been missed (LISTEN connection lost): read everything again. */
  onResync(): void;
};

export type ReadBoardVisit = (visitId: string) => Promise<BoardRowRecord | null>;

export async function readBoardVisit(visitId: string): Promise<BoardRowRecord | null> {
  const [visit] = await pooledSql.query<BoardRowRecord>(buildBoardVisitSql(visitId));
  return visit ?? null;
}

export class BoardFeed {
  private readonly subscribers = new Set<BoardSubscriber>();
  private readonly inFlight = new Map<string, { isReadAgain: boolean }>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly hub: () => ChangeHub = changeHub,
    private readonly read: ReadBoardVisit = readBoardVisit,
  ) {}

  /** Adds a board; returns the function that removes it. */
  subscribe(subscriber: BoardSubscriber): () => void {
    this.subscribers.add(subscriber);
    this.unsubscribe ??= this.hub()
      .everyChange(VISIT_CHANGED_CHANNEL)
      .subscribe((reason, key) => {
        if (reason === "resync") this.resync();
        else void this.readAndShare(key);
      });
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size > 0 || !this.unsubscribe) return;
      this.unsubscribe();
      this.unsubscribe = null;
    };
  }

  private resync() {
    for (const subscriber of this.subscribers) subscriber.onResync();
  }

  private async readAndShare(visitId: string): Promise<void> {
    const running = this.inFlight.get(visitId);
    if (running) {
      running.isReadAgain = true;
      return;
    }
    const state = { isReadAgain: false };
    this.inFlight.set(visitId, state);
    try {
      do {
        state.isReadAgain = false;
        const visit = await this.read(visitId);
        for (const subscriber of this.subscribers) subscriber.onVisit(visitId, visit);
      } while (state.isReadAgain && this.subscribers.size > 0);
    } catch (error) {
      // The database is unreachable: every board reads again, and ends if that fails too.
      log.warn("today_board.read_failed", errorFields(error));
      this.resync();
    } finally {
      this.inFlight.delete(visitId);
    }
  }
}

const globalForFeed = globalThis as unknown as { carevisitBoardFeed?: BoardFeed };

/** The process's board feed, kept across development hot reloads. */
export function boardFeed(): BoardFeed {
  globalForFeed.carevisitBoardFeed ??= new BoardFeed();
  return globalForFeed.carevisitBoardFeed;
}
