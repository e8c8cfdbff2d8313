import "server-only";

import pg from "pg";

import { env } from "@/lib/env";
import { errorFields, log } from "@/lib/log";
import { CHANGE_CHANNELS, type ChangeChannel, EVERY_KEY } from "@/lib/realtime/channels";

// One LISTEN connection per app process, shared by every subscriber of that process: the open
// event streams (visit_changed) and the cache of signed-in users (user_changed). PostgreSQL
// delivers each committed notification to every listening instance, so a change applied by one
// instance reaches every other. When the connection drops, notifications sent meanwhile are lost:
// after reconnecting, every subscriber is told to read again ("resync"), as is every subscriber
// when LISTEN first takes effect. `isListening` says whether notifications are heard right now.

/** Called with "changed" and the notification's key, or "resync" and the subscribed key. */
export type ChangeListener = (reason: "changed" | "resync", key: string) => void;

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;
const UUID_LENGTH = 36;

class ChangeHub {
  /** Listeners by channel, then by key (a record's id, or EVERY_KEY). */
  private readonly listeners = Object.fromEntries(
    CHANGE_CHANNELS.map((channel) => [channel, new Map()]),
  ) as Record<ChangeChannel, Map<string, Set<ChangeListener>>>;
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly connectionString: string) {}

  /** Starts listening (if not yet) and returns the function that stops this subscription. */
  subscribe(channel: ChangeChannel, key: string, listener: ChangeListener): () => void {
    const byKey = this.listeners[channel];
    const set = byKey.get(key) ?? new Set();
    set.add(listener);
    byKey.set(key, set);
    void this.connect();
    return () => {
      set.delete(listener);
      if (set.size === 0) byKey.delete(key);
    };
  }

  /** Every notification of `channel`, and whether they are heard now: what a cache follows. */
  everyChange(channel: ChangeChannel) {
    const isListening = () => this.isListening;
    return {
      get isListening() {
        return isListening();
      },
      subscribe: (listener: ChangeListener) => this.subscribe(channel, EVERY_KEY, listener),
    };
  }

  /** Resolves once the hub listens (for tests and benchmarks that must not miss a change). */
  ready(): Promise<void> {
    return this.connect();
  }

  /** Whether notifications are heard now: false before LISTEN takes effect and while reconnecting. */
  get isListening(): boolean {
    return this.client !== null;
  }

  get subscriberCount(): number {
    let count = 0;
    for (const byKey of Object.values(this.listeners))
      for (const set of byKey.values()) count += set.size;
    return count;
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: "carevisit-changes",
      keepAlive: true,
    });
    client.on("notification", (message) => {
      const channel = CHANGE_CHANNELS.find((name) => name === message.channel);
      const key = message.payload ?? "";
      if (channel && (key.length === UUID_LENGTH || key === EVERY_KEY))
        this.dispatch(channel, key, "changed");
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(CHANGE_CHANNELS.map((channel) => `LISTEN ${channel};`).join(" "));
    } catch (error) {
      this.lost(client, error);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    // Changes committed before LISTEN took effect (or while disconnected) were not heard.
    for (const channel of CHANGE_CHANNELS)
      for (const key of this.listeners[channel].keys()) this.dispatch(channel, key, "resync");
  }

  /** A notification reaches the listeners of its key and those of every key. */
  private dispatch(channel: ChangeChannel, key: string, reason: "changed" | "resync") {
    const byKey = this.listeners[channel];
    const keys = reason === "changed" && key !== EVERY_KEY ? [key, EVERY_KEY] : [key];
    for (const each of keys)
      for (const listener of byKey.get(each) ?? []) {
        try {
          listener(reason, key);
        } catch (error) {
          log.warn("realtime.listener_failed", errorFields(error));
        }
      }
  }

  private lost(client: pg.Client, error: unknown) {
    if (this.client === client) this.client = null;
    client.removeAllListeners();
    client.on("error", () => undefined);
    void client.end().catch(() => undefined);
    if (error) log.warn("realtime.connection_lost", errorFields(error));
    if (this.retryTimer) return;
    // Reconnect only while someone listens; the next subscription connects otherwise.
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.subscriberCount > 0) void this.connect();
    }, delay);
    this.retryTimer.unref();
  }
}

const globalForHub = globalThis as unknown as { carevisitChangeHub?: ChangeHub };

/** The process's hub, kept across development hot reloads. */
export function changeHub(): ChangeHub {
  globalForHub.carevisitChangeHub ??= new ChangeHub(env.DATABASE_URL);
  return globalForHub.carevisitChangeHub;
}
