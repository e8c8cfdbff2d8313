import { sha256Hex } from "@/lib/crypto/hmac";

import type { TelehealthNotificationQuery } from "./schemas";

// The notification GET carries no event time and no delivery id, so what identifies a delivery is
// its five parameters plus the second it arrived in: a sender's immediate retry of the same GET is
// a duplicate, and the same person joining again later is a new notification.
// @see docs/protocols/telehealth-notifications.md#dedupe-key

/** `telehealth:{sha256 of the sorted, form-encoded parameters}|{receipt time, to the second}` */
export function buildTelehealthDedupeKey(
  query: TelehealthNotificationQuery,
  receivedAt: Date,
): string {
  const sorted = Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = new URLSearchParams(sorted).toString();
  const second = `${receivedAt.toISOString().slice(0, 19)}Z`;
  return `telehealth:${sha256Hex(canonical)}|${second}`;
}
