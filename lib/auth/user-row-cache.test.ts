import { describe, expect, it } from "vitest";

import { UserRowCache } from "@/lib/auth/user-row-cache";
import type { ChangeFeed } from "@/lib/realtime/change-hub";
import type { ChangeListener } from "@/lib/realtime/change-listeners";
import { EVERY_KEY } from "@/lib/realtime/channels";

type Row = { id: string; version: number };

/** The notifications, as the change hub delivers them: heard or not, and sent by the test. */
function fakeFeed(isHearing = true) {
  const listeners = new Set<ChangeListener>();
  return {
    isHearing,
    subscribe(listener: ChangeListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify(reason: "changed" | "resync", key: string) {
      for (const listener of listeners) listener(reason, key);
    },
  };
}

/** A cache whose loads count their reads and answer from `database`. */
function cacheOn(feed: ChangeFeed, ttlMs = 60_000) {
  const cache = new UserRowCache<Row>(feed, { max: 100, ttlMs });
  const database = new Map<string, Row>();
  let reads = 0;
  const read = (id: string, accepts: (row: Row) => boolean = () => true) =>
    cache.read(id, {
      accepts,
      load: () => {
        reads += 1;
        return Promise.resolve(database.get(id.toLowerCase()));
      },
    });
  return { cache, database, read, reads: () => reads };
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
  it("reads a row once while notifications are heard, whatever the case of its id", async () => {
    const { database, read, reads } = cacheOn(fakeFeed());
    database.set("a1", row("a1"));
    expect(await read("a1")).toEqual(row("a1"));
    expect(await read("A1")).toEqual(row("a1"));
    expect(reads()).toBe(1);
  });

  it("reads every time while notifications are not heard", async () => {
    const feed = fakeFeed(false);
    const { database, read, reads } = cacheOn(feed);
    database.set("a", row("a"));
    await read("a");
    await read("a");
    expect(reads()).toBe(2);

    feed.isHearing = true;
    await read("a");
    feed.isHearing = false; // the connection dropped: changes may go unheard from now on
    await read("a");
    expect(reads()).toBe(4);
  });

  it("reads a cached row again when it would refuse the request: a stale copy never shuts out", async () => {
    const { database, read, reads } = cacheOn(fakeFeed());
    database.set("a", row("a", 1));
    await read("a");
    database.set("a", row("a", 2)); // signed in again after "end all sessions", not yet notified
    expect(await read("a", (cached) => cached.version === 2)).toEqual(row("a", 2));
    expect(reads()).toBe(2);
    expect(await read("a", (cached) => cached.version === 2)).toEqual(row("a", 2));
    expect(reads()).toBe(2);
  });

  it("drops the row of a user whose change is announced, and only that one", async () => {
    const feed = fakeFeed();
    const { database, read, reads } = cacheOn(feed);
    database.set("a", row("a")).set("b", row("b"));
    await read("a");
    await read("b");
    database.set("a", row("a", 2));
    feed.notify("changed", "a");
    expect(await read("a")).toEqual(row("a", 2));
    expect(await read("b")).toEqual(row("b"));
    expect(reads()).toBe(3);
  });

  it("drops every row for a change to everyone, and after reconnecting", async () => {
    for (const reason of ["changed", "resync"] as const) {
      const feed = fakeFeed();
      const { database, read, reads } = cacheOn(feed);
      database.set("a", row("a")).set("b", row("b"));
      await read("a");
      await read("b");
      feed.notify(reason, EVERY_KEY);
      await read("a");
      await read("b");
      expect(reads()).toBe(4);
    }
  });

  it("does not keep a row read while a change was announced: it may predate the change", async () => {
    const feed = fakeFeed();
    const cache = new UserRowCache<Row>(feed, { max: 10, ttlMs: 60_000 });
    const pending = pendingLoad();
    const reading = cache.read("a", { accepts: () => true, load: pending.load });
    feed.notify("changed", "a"); // committed after the row was read, heard before it arrived
    pending.finish(row("a", 1));
    expect(await reading).toEqual(row("a", 1)); // this request still gets what it read
    let isReadAgain = false;
    await cache.read("a", {
      accepts: () => true,
      load: () => {
        isReadAgain = true;
        return Promise.resolve(row("a", 2));
      },
    });
    expect(isReadAgain).toBe(true);
  });

  it("does not keep a row read while the notifications were interrupted or not yet heard", async () => {
    for (const [isHeardAtStart, interrupt] of [
      [true, (feed: ReturnType<typeof fakeFeed>) => feed.notify("resync", EVERY_KEY)],
      [false, (feed: ReturnType<typeof fakeFeed>) => (feed.isHearing = true)],
      [true, (feed: ReturnType<typeof fakeFeed>) => (feed.isHearing = false)],
    ] as const) {
      const feed = fakeFeed(isHeardAtStart);
      const cache = new UserRowCache<Row>(feed, { max: 10, ttlMs: 60_000 });
      const pending = pendingLoad();
      const reading = cache.read("a", { accepts: () => true, load: pending.load });
      interrupt(feed);
      pending.finish(row("a"));
      await reading;
      feed.isHearing = true;
      let isReadAgain = false;
      await cache.read("a", {
        accepts: () => true,
        load: () => {
          isReadAgain = true;
          return Promise.resolve(row("a"));
        },
      });
      expect(isReadAgain).toBe(true);
    }
  });

  it("reads a row again once its time is up, notification or not", async () => {
    const { database, read, reads } = cacheOn(fakeFeed(), 20);
    database.set("a", row("a"));
    await read("a");
    await read("a");
    expect(reads()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await read("a");
    expect(reads()).toBe(2);
  });
});
