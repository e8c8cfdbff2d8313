import { LRUCache } from "lru-cache";

import type { ChangeFeed } from "@/lib/realtime/change-hub";
import { EVERY_KEY } from "@/lib/realtime/channels";

// Signed-in users' rows (lib/auth/viewer.ts), kept so that a request need not read its user from
// the database first: one round trip fewer on every signed-in page, action and API call. A row is
// served from here only while the database's change notifications are heard (`user_changed`, sent
// by triggers on every change that matters), so a deactivation, a role change or an ended session
// reaches every instance as fast as PostgreSQL delivers the notification, within milliseconds.
// The time limit bounds what a notification lost without the connection noticing could cost.

export type UserRowRead<Row> = {
  /** Whether the row lets the request in: a cached row it refuses is read again. */
  accepts: (row: Row) => boolean;
  load: () => Promise<Row | undefined>;
};

export class UserRowCache<Row extends object> {
  private readonly rows: LRUCache<string, Row>;
  /** Moves on with every notification: a row read while one arrived may be older than it. */
  private generation = 0;
  private isSubscribed = false;

  constructor(
    private readonly feed: ChangeFeed,
    options: { max: number; ttlMs: number },
  ) {
    this.rows = new LRUCache({ max: options.max, ttl: options.ttlMs });
  }

  /**
   * The user's row: the cached one while notifications are heard and `accepts` takes it, so that a
   * stale copy can never refuse a user; otherwise read with `load`, and kept unless a notification
   * arrived while it was read or notifications were not heard all along (it may predate a change).
   */
  async read(userId: string, { accepts, load }: UserRowRead<Row>): Promise<Row | undefined> {
    this.subscribe();
    const key = userId.toLowerCase(); // as the notifications spell it
    const isHeardAtStart = this.feed.isHearing;
    const cached = isHeardAtStart ? this.rows.get(key) : undefined;
    if (cached && accepts(cached)) return cached;
    const generation = this.generation;
    const row = await load();
    if (row && isHeardAtStart && this.feed.isHearing && generation === this.generation)
      this.rows.set(key, row);
    return row;
  }

  private subscribe() {
    if (this.isSubscribed) return;
    this.isSubscribed = true;
    this.feed.subscribe((reason, key) => {
      this.generation += 1;
      if (reason === "resync" || key === EVERY_KEY) this.rows.clear();
      else this.rows.delete(key);
    });
  }
}
