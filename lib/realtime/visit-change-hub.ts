import "server-only";

import pg from "pg";

import { env } from "@/lib/env";
import { errorFields, log } from "@/lib/log";
import { VISIT_CHANGED_CHANNEL } from "@/lib/realtime/visit-changed-channel";

// One LISTEN connection per app process, shared by every open event stream of that process.
// PostgreSQL delivers each committed `visit_changed` notification to every listening instance, so
// a change applied by one instance reaches pages served by another. When the connection drops,
// notifications sent meanwhile are lost: after reconnecting, every subscriber is told to read its
// visit again from the database ("resync"), as is every subscriber when LISTEN first takes effect.

/** Called with "changed" for a notification of the visit, "resync" after a reconnect. */
export type VisitChangeListener = (reason: "changed" | "resync") => void;

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;
const UUID_LENGTH = 36;

class VisitChangeHub {
  private readonly listeners = new Map<string, Set<VisitChangeListener>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly connectionString: string) {}

  /** Starts listening (if not yet) and returns the function that stops this subscription. */
  subscribe(visitId: string, listener: VisitChangeListener): () => void {
    const set = this.listeners.get(visitId) ?? new Set();
    set.add(listener);
    this.listeners.set(visitId, set);
    void this.connect();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(visitId);
    };
  }

  /** Resolves once the hub listens (for tests and benchmarks that must not miss a change). */
  ready(): Promise<void> {
    return this.connect();
  }

  get subscriberCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
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
      application_name: "carevisit-visit-changes",
      keepAlive: true,
    });
    client.on("notification", (message) => {
      if (message.channel === VISIT_CHANGED_CHANNEL && message.payload?.length === UUID_LENGTH)
        this.dispatch(message.payload, "changed");
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${VISIT_CHANGED_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    // Changes committed before LISTEN took effect (or while disconnected) were not heard.
    for (const visitId of this.listeners.keys()) this.dispatch(visitId, "resync");
  }

  private dispatch(visitId: string, reason: "changed" | "resync") {
    for (const listener of this.listeners.get(visitId) ?? []) {
      try {
        listener(reason);
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
      if (this.listeners.size > 0) void this.connect();
    }, delay);
    this.retryTimer.unref();
  }
}

const globalForHub = globalThis as unknown as { carevisitVisitChangeHub?: VisitChangeHub };

/** The process's hub, kept across development hot reloads. */
export function visitChangeHub(): VisitChangeHub {
  globalForHub.carevisitVisitChangeHub ??= new VisitChangeHub(env.DATABASE_URL);
  return globalForHub.carevisitVisitChangeHub;
}
