// A bounded set of keys that expire, for remembering recently verified credentials in process.
// Pure: the caller passes the time. When full, the oldest key goes first.

export type ExpiringSet = {
  has(key: string, nowMs: number): boolean;
  add(key: string, nowMs: number): void;
  readonly size: number;
};

export type ExpiringSetOptions = { ttlMs: number; maxSize: number };

export function createExpiringSet({ ttlMs, maxSize }: ExpiringSetOptions): ExpiringSet {
  // Map keeps insertion order, so the first key is the oldest.
  const expiries = new Map<string, number>();
  return {
    has(key, nowMs) {
      const expiresAt = expiries.get(key);
      if (expiresAt === undefined) return false;
      if (nowMs < expiresAt) return true;
      expiries.delete(key);
      return false;
    },
    add(key, nowMs) {
      expiries.delete(key);
      expiries.set(key, nowMs + ttlMs);
      for (const oldest of expiries.keys()) {
        if (expiries.size <= maxSize) break;
        expiries.delete(oldest);
      }
    },
    get size() {
      return expiries.size;
    },
  };
}
