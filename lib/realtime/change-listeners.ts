import "server-only";

import { errorFields, log } from "@/lib/log";
import { CHANGE_CHANNELS, type ChangeChannel, EVERY_KEY } from "@/lib/realtime/channels";

/** Called with "changed" and the notification's key, or "resync" and the subscribed key. */
export type ChangeListener = (reason: "changed" | "resync", key: string) => void;

/** The hub's subscribers, by channel and then by key (a record's id, or EVERY_KEY). No I/O. */
export class ChangeListeners {
  private readonly byChannel = Object.fromEntries(
    CHANGE_CHANNELS.map((channel) => [channel, new Map()]),
  ) as Record<ChangeChannel, Map<string, Set<ChangeListener>>>;

  /** Adds a listener; returns the function that removes it. */
  add(channel: ChangeChannel, key: string, listener: ChangeListener): () => void {
    const byKey = this.byChannel[channel];
    const set = byKey.get(key) ?? new Set();
    set.add(listener);
    byKey.set(key, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && byKey.get(key) === set) byKey.delete(key);
    };
  }

  get count(): number {
    let count = 0;
    for (const byKey of Object.values(this.byChannel))
      for (const set of byKey.values()) count += set.size;
    return count;
  }

  /** Tells every listener to read again (after LISTEN took effect, or a reconnect). */
  resyncAll(): void {
    for (const channel of CHANGE_CHANNELS)
      for (const key of this.byChannel[channel].keys()) this.dispatch(channel, key, "resync");
  }

  /**
   * A notification reaches the listeners of its key and those of every key; one for every key
   * (EVERY_KEY) and a resync reach every listener of the channel.
   */
  dispatch(channel: ChangeChannel, key: string, reason: "changed" | "resync"): void {
    const byKey = this.byChannel[channel];
    const keys =
      reason === "resync" ? [key] : key === EVERY_KEY ? [...byKey.keys()] : [key, EVERY_KEY];
    for (const each of keys)
      for (const listener of byKey.get(each) ?? []) {
        try {
          listener(reason, reason === "resync" ? each : key);
        } catch (error) {
          log.warn("realtime.listener_failed", errorFields(error));
        }
      }
  }
}
