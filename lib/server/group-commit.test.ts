import { describe, expect, it } from "vitest";

import { groupCommit } from "@/lib/server/group-commit";

/** A writer whose batches finish only when the test says so. */
function controlledWriter() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const write = (items: number[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve) =>
      pending.push(() => resolve(items.map((item) => `done ${item}`))),
    );
  };
  const finishNext = async () => {
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, write, finishNext };
}

describe("groupCommit", () => {
  it("writes a lone item at once, without waiting for company", async () => {
    const writer = controlledWriter();
    const submit = groupCommit(writer.write, { maxBatch: 10, writers: 1 });
    const result = submit(1);
    expect(writer.batches).toEqual([[1]]);
    await writer.finishNext();
    await expect(result).resolves.toBe("done 1");
  });

  it("batches what arrives while a write is in progress, up to maxBatch", async () => {
    const writer = controlledWriter();
    const submit = groupCommit(writer.write, { maxBatch: 3, writers: 1 });
    const results = [1, 2, 3, 4, 5, 6].map((item) => submit(item));
    expect(writer.batches).toEqual([[1]]);
    await writer.finishNext();
    expect(writer.batches).toEqual([[1], [2, 3, 4]]);
    await writer.finishNext();
    await writer.finishNext();
    expect(writer.batches).toEqual([[1], [2, 3, 4], [5, 6]]);
    await expect(Promise.all(results)).resolves.toEqual([1, 2, 3, 4, 5, 6].map((n) => `done ${n}`));
  });

  it("answers no item before its own batch is written", async () => {
    const writer = controlledWriter();
    const submit = groupCommit(writer.write, { maxBatch: 10, writers: 1 });
    let isSecondDone = false;
    void submit(1);
    void submit(2).then(() => (isSecondDone = true));
    await writer.finishNext();
    expect(isSecondDone).toBe(false);
    await writer.finishNext();
    expect(isSecondDone).toBe(true);
  });

  it("runs up to `writers` batches at once", async () => {
    const writer = controlledWriter();
    const submit = groupCommit(writer.write, { maxBatch: 10, writers: 2 });
    [1, 2, 3].forEach((item) => void submit(item));
    expect(writer.batches).toEqual([[1], [2]]);
    await writer.finishNext();
    expect(writer.batches).toEqual([[1], [2], [3]]);
  });

  it("rejects every item of a batch whose write fails, and goes on with the next", async () => {
    let calls = 0;
    const submit = groupCommit(
      async (items: number[]) => {
        calls += 1;
        await Promise.resolve();
        if (calls === 2) throw new Error("connection lost");
        return items.map((item) => item * 10);
      },
      { maxBatch: 10, writers: 1 },
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((item) => submit(item)));
    expect(results.map((result) => result.status)).toEqual([
      "fulfilled",
      "rejected",
      "rejected",
      "rejected",
    ]);
    await expect(submit(5)).resolves.toBe(50);
  });

  it("rejects a batch given the wrong number of results", async () => {
    const submit = groupCommit(() => Promise.resolve([]), { maxBatch: 10, writers: 1 });
    await expect(submit(1)).rejects.toThrow("0 results for 1 items");
  });
});
