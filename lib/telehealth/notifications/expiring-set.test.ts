import { describe, expect, it } from "vitest";

import { createExpiringSet } from "@/lib/telehealth/notifications/expiring-set";

describe("createExpiringSet", () => {
  it("holds a key until its time is up, then forgets it", () => {
    const set = createExpiringSet({ ttlMs: 1_000, maxSize: 10 });
    expect(set.has("a", 0)).toBe(false);
    set.add("a", 0);
    expect(set.has("a", 999)).toBe(true);
    expect(set.has("a", 1_000)).toBe(false);
    expect(set.size).toBe(0);
    expect(set.has("a", 0)).toBe(false);
  });

  it("does not make a key live longer by reading it", () => {
    const set = createExpiringSet({ ttlMs: 1_000, maxSize: 10 });
    set.add("a", 0);
    expect(set.has("a", 900)).toBe(true);
    expect(set.has("a", 1_100)).toBe(false);
  });

  it("renews a key that is added again", () => {
    const set = createExpiringSet({ ttlMs: 1_000, maxSize: 10 });
    set.add("a", 0);
    set.add("a", 500);
    expect(set.has("a", 1_400)).toBe(true);
    expect(set.size).toBe(1);
  });

  it("drops the oldest keys when full", () => {
    const set = createExpiringSet({ ttlMs: 1_000, maxSize: 2 });
    set.add("a", 0);
    set.add("b", 1);
    set.add("a", 2); // "a" is now the newest
    set.add("c", 3);
    expect(set.size).toBe(2);
    expect(set.has("b", 4)).toBe(false);
    expect(set.has("a", 4)).toBe(true);
    expect(set.has("c", 4)).toBe(true);
  });
});
