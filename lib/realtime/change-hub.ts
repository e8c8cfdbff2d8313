import "server-only";

import pg from "pg";

import { env } from "@/lib/env";
import { errorFields, log } from "@/lib/log";
import {
  buildEnabledTriggersSql,
  HEARTBEAT_SQL,
  LISTEN_SQL,
  type TriggerNameRow,
} from "@/lib/realtime/change-hub.sql";
import { type ChangeListener, ChangeListeners } from "@/lib/realtime/change-listeners";
import {
  CHANGE_CHANNELS,
  type ChangeChannel,
  EVERY_KEY,
  TRIGGERS_OF_CHANNEL,
} from "@/lib/realtime/channels";

// One LISTEN connection per app process, shared by every subscriber of that process: the open
// event streams (visit_changed) and the cache of signed-in users (user_changed). PostgreSQL
// delivers each committed notification to every listening instance, so a change applied by one
// instance reaches every other. When the connection drops, notifications sent meanwhile are lost:
// after reconnecting, every subscriber is told to read again ("resync"), as is every subscriber
// when LISTEN first takes effect. A connection that dies without a word (a firewall that forgets an
// idle flow) is found by a heartbeat query; a channel whose triggers are missing or disabled is not
// heard at all (`isHearing`), since nothing would ever be notified on it.

/** Every notification of one channel, and whether they are heard now: what a cache follows. */
export type ChangeFeed = {
  readonly isHearing: boolean;
  subscribe(listener: ChangeListener): () => void;
};

export type ChangeHubTimings = { heartbeatMs: number; heartbeatTimeoutMs: number };

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;
const UUID_LENGTH = 36;
const DEFAULT_TIMINGS: ChangeHubTimings = { heartbeatMs: 10_000, heartbeatTimeoutMs: 5_000 };

export class ChangeHub {
  private readonly listeners = new ChangeListeners();
  private client: pg.Client | null = null;
  private heard = new Set<ChangeChannel>();
  private connecting: Promise<void> | null = null;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly timings: ChangeHubTimings = DEFAULT_TIMINGS,
  ) {}

  /** Starts listening (if not yet) and returns the function that stops this subscription. */
  subscribe(channel: ChangeChannel, key: string, listener: ChangeListener): () => void {
    const remove = this.listeners.add(channel, key, listener);
    void this.connect();
    return remove;
  }

  /** Every notification of `channel`, and whether it is heard now. */
  everyChange(channel: ChangeChannel): ChangeFeed {
    const isHearing = () => this.isHearing(channel);
    return {
      get isHearing() {
        return isHearing();
      },
      subscribe: (listener) => this.subscribe(channel, EVERY_KEY, listener),
    };
  }

  /** Resolves once the hub listens (for tests and benchmarks that must not miss a change). */
  ready(): Promise<void> {
    return this.connect();
  }

  /**
   * Whether `channel`'s notifications are heard now: false before LISTEN takes effect, while
   * reconnecting, and for a channel whose triggers are missing or disabled.
   */
  isHearing(channel: ChangeChannel): boolean {
    return this.client !== null && this.heard.has(channel);
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
      keepAliveInitialDelayMillis: this.timings.heartbeatMs,
    });
    client.on("notification", (message) => {
      const channel = CHANGE_CHANNELS.find((name) => name === message.channel);
      const key = message.payload ?? "";
      if (channel && (key.length === UUID_LENGTH || key === EVERY_KEY))
        this.listeners.dispatch(channel, key, "changed");
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, null));
    let heard: Set<ChangeChannel>;
    try {
      await client.connect();
      await client.query(LISTEN_SQL.text);
      heard = await this.channelsWithTriggers(client);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    this.client = client;
    this.heard = heard;
    this.retryMs = RETRY_MIN_MS;
    this.heartbeat = setInterval(() => void this.beat(client), this.timings.heartbeatMs);
    this.heartbeat.unref();
    // Changes committed before LISTEN took effect (or while disconnected) were not heard.
    this.listeners.resyncAll();
  }

  /** The channels whose triggers all exist and fire; the others are logged and not heard. */
  private async channelsWithTriggers(client: pg.Client): Promise<Set<ChangeChannel>> {
    const expected = Object.values(TRIGGERS_OF_CHANNEL).flat();
    const triggers = buildEnabledTriggersSql(expected);
    const { rows } = await client.query<TriggerNameRow>(triggers.text, triggers.values);
    const enabled = new Set(rows.map((row) => row.tgname));
    const heard = new Set<ChangeChannel>();
    for (const channel of CHANGE_CHANNELS) {
      const missing = TRIGGERS_OF_CHANNEL[channel].filter((name) => !enabled.has(name));
      if (missing.length === 0) heard.add(channel);
      else log.error("realtime.triggers_missing", { channel, triggers: missing.join(",") });
    }
    return heard;
  }

  /** A query on the LISTEN connection that does not come back in time: the connection is lost. */
  private async beat(client: pg.Client) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error("The LISTEN connection did not answer its heartbeat")),
        this.timings.heartbeatTimeoutMs,
      );
    });
    try {
      await Promise.race([client.query(HEARTBEAT_SQL.text), timeout]);
    } catch (error) {
      this.lost(client, error);
    } finally {
      clearTimeout(timer);
    }
  }

  private lost(client: pg.Client, error: unknown) {
    if (this.client === client) {
      this.client = null;
      if (this.heartbeat) clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
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
      if (this.listeners.count > 0) void this.connect();
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
