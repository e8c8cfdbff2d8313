// Group commit: requests that arrive while a batch is being written wait and are written together,
// in one transaction, the next time a writer is free. Each request is answered with its own
// result once its batch has been written (committed), never before. Under light load a batch is
// a single request, so nothing waits for a timer; under heavy load batches grow by themselves and
// the per-transaction cost (round trips, commit, fsync) is shared.

export type GroupCommitOptions = {
  /** Largest batch written at once. */
  maxBatch: number;
  /** Batches written at the same time. */
  writers: number;
};

type Waiting<Item, Result> = {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
};

/**
 * Returns a function that queues one item and resolves with its result. `write` gets a batch and
 * returns one result per item, in order; if it throws, every item of the batch is rejected.
 */
export function groupCommit<Item, Result>(
  write: (items: Item[]) => Promise<Result[]>,
  { maxBatch, writers }: GroupCommitOptions,
): (item: Item) => Promise<Result> {
  const queue: Waiting<Item, Result>[] = [];
  let busyWriters = 0;

  async function writeWhileQueued(): Promise<void> {
    busyWriters += 1;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const results = await write(batch.map((entry) => entry.item));
        if (results.length !== batch.length)
          throw new Error(`Group commit: ${results.length} results for ${batch.length} items`);
        batch.forEach((entry, index) => entry.resolve(results[index]!));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    busyWriters -= 1;
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (busyWriters < writers) void writeWhileQueued();
    });
}
