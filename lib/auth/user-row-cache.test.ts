import { describe, expect, it } from "vitest";

import { type ChangeFeed, UserRowCache } from "@/lib/auth/user-row-cache";
import { EVERY_KEY } from "@/lib/realtime/channels";

type Row = { id: string; version: number };

/** The notifications, as the change hub delivers them: heard or not, and sent by the test. */
function fakeFeed(isListening = true) {
  const listeners = new Set<Parameters<ChangeFeed["subscribe"]>[0]>();
  return {
    isListening,
    subscribe(listener: Parameters<ChangeFeed["subscribe"]>[0]) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify(reason: "changed" | "resync", key: string) {
      for (const listener of listeners) listener(reason, key);
    },
  };
}

function cacheOn(feed: ChangeFeed, ttlMs = 60_000) {
  return new UserRowCache<Row>(feed, { max: 100, ttlMs });
}

const row = (id: string, version = 1): Row => ({ id, version });

/** A load the test finishes when it likes, to send notifications while the row is being read. */
function pendingLoad() {
  let finish: (value: Row) => void = () => undefined;
  const promise = new Promise<Row>((resolve) => {
    finish = resolve;
  });
  return { load: () => promise, finish };
}

describe("the cache of signed-in users' rows", () => {
  it("keeps a row it read while notifications are heard", async () => {
    const cache = cacheOn(fakeFeed());
    expect(cache.get("a")).toBeUndefined();
    expect(await cache.load("a", () => Promise.resolve(row("a")))).toEqual(row("a"));
    expect(cache.get("a")).toEqual(row("a"));
  });

  it("keeps and serves nothing while notifications are not heard", async () => {
    const feed = fakeFeed(false);
    const cache = cacheOn(feed);
    await cache.load("a", () => Promise.resolve(row("a")));
    expect(cache.get("a")).toBeUndefined();

    feed.isListening = true;
    await cache.load("a", () => Promise.resolve(row("a")));
    feed.isListening = false; // the connection dropped: changes may go unheard from now on
    expect(cache.get("a")).toBeUndefined();
  });

  it("keeps no missing user", async () => {
    const cache = cacheOn(fakeFeed());
    let reads = 0;
    const load = () => {
      reads += 1;
      return Promise.resolve(undefined);
    };
    await cache.load("a", load);
    await cache.load("a", load);
    expect(reads).toBe(2);
    expect(cache.get("a")).toBeUndefined();
  });

  it("drops the row of a user whose change is announced, and only that one", async () => {
    const feed = fakeFeed();
    const cache = cacheOn(feed);
    await cache.load("a", () => Promise.resolve(row("a")));
    await cache.load("b", () => Promise.resolve(row("b")));
    feed.notify("changed", "a");
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toEqual(row("b"));
  });

  it("drops every row for a change to everyone, and after reconnecting", async () => {
    for (const [reason, key] of [
      ["changed", EVERY_KEY],
      ["resync", EVERY_KEY],
    ] as const) {
      const feed = fakeFeed();
      const cache = cacheOn(feed);
      await cache.load("a", () => Promise.resolve(row("a")));
      await cache.load("b", () => Promise.resolve(row("b")));
      feed.notify(reason, key);
      expect([cache.get("a"), cache.get("b")]).toEqual([undefined, undefined]);
    }
  });

  it("does not keep a row read while a change was announced: it may predate the change", async () => {
    const feed = fakeFeed();
    const cache = cacheOn(feed);
    const read = pendingLoad();
    const loading = cache.load("a", read.load);
    feed.notify("changed", "a"); // committed after the row was read, heard before it arrived
    read.finish(row("a", 1));
    expect(await loading).toEqual(row("a", 1)); // this request still gets what it read
    expect(cache.get("a")).toBeUndefined();
  });

  it("does not keep a row read while the notifications were interrupted", async () => {
    const feed = fakeFeed();
    const cache = cacheOn(feed);
    const read = pendingLoad();
    const loading = cache.load("a", read.load);
    feed.isListening = false;
    feed.isListening = true; // lost and back: whatever was committed meanwhile went unheard
    feed.notify("resync", EVERY_KEY);
    read.finish(row("a"));
    await loading;
    expect(cache.get("a")).toBeUndefined();

    const notYet = fakeFeed(false);
    const other = cacheOn(notYet);
    const second = pendingLoad();
    const started = other.load("a", second.load);
    notYet.isListening = true; // LISTEN took effect only after the read began
    second.finish(row("a"));
    await started;
    expect(other.get("a")).toBeUndefined();
  });

  it("reads a row again once its time is up, notification or not", async () => {
    const cache = cacheOn(fakeFeed(), 20);
    await cache.load("a", () => Promise.resolve(row("a")));
    expect(cache.get("a")).toEqual(row("a"));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(cache.get("a")).toBeUndefined();
  });
});
