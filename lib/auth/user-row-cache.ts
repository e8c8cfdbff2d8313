import { LRUCache } from "lru-cache";

import { EVERY_KEY } from "@/lib/realtime/channels";

// Signed-in users' rows (lib/auth/viewer.ts), kept so that a request need not read its user from
// the database first: one round trip fewer on every signed-in page, action and API call. A row is
// served from here only while the database's change notifications are heard (`user_changed`, sent
// by triggers on every change that matters), so a deactivation, a role change or an ended session
// reaches every instance as fast as PostgreSQL delivers the notification, within milliseconds.
// The time limit bounds what a notification lost without the connection noticing could cost.

/** The notifications the cache follows: whether they are heard now, and every one of them. */
export type ChangeFeed = {
  readonly isListening: boolean;
  /** `key` is a user's id, or EVERY_KEY for all; "resync" after (re)connecting. */
  subscribe(listener: (reason: "changed" | "resync", key: string) => void): () => void;
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

  /** The cached row, if notifications are heard and it has not changed since it was read. */
  get(userId: string): Row | undefined {
    this.subscribe();
    return this.feed.isListening ? this.rows.get(userId) : undefined;
  }

  /**
   * Reads the row with `load` and keeps it, unless a notification arrived while it was read or
   * notifications were not heard all along (a change may then have been missed).
   */
  async load(userId: string, load: () => Promise<Row | undefined>): Promise<Row | undefined> {
    this.subscribe();
    const generation = this.generation;
    const wasListening = this.feed.isListening;
    const row = await load();
    if (row && wasListening && this.feed.isListening && generation === this.generation)
      this.rows.set(userId, row);
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
