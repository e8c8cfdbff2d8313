import "server-only";

import { AppError } from "@/lib/errors";

/** Open board streams one user may hold on one instance: more would let one account slow it. */
export const BOARD_STREAMS_PER_USER = 5;

/** Counts each user's open board streams on this instance (no I/O). */
export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit = BOARD_STREAMS_PER_USER) {}

  /** Takes a slot for the user, or refuses with 429; returns the function that gives it back. */
  take(userId: string): () => void {
    const count = this.open.get(userId) ?? 0;
    if (count >= this.limit)
      throw new AppError("rate_limited", "Too many open boards", {
        userMessage: `At most ${this.limit} Today boards may be open at once. Close one and reload.`,
      });
    this.open.set(userId, count + 1);
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const left = (this.open.get(userId) ?? 1) - 1;
      if (left > 0) this.open.set(userId, left);
      else this.open.delete(userId);
    };
  }
}

const globalForSlots = globalThis as unknown as { carevisitBoardSlots?: StreamSlots };

export function boardStreamSlots(): StreamSlots {
  globalForSlots.carevisitBoardSlots ??= new StreamSlots();
  return globalForSlots.carevisitBoardSlots;
}
