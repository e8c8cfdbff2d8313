import "server-only";

import { VisitMessageStatus } from "@/generated/prisma/enums";
import type { VisitMessageSummary } from "@/lib/visit-messages/types";

/** A visit's message as the visits read gives it (lib/visits/list-visits.sql.ts), newest first. */
export type VisitMessageRow = Omit<
  VisitMessageSummary,
  "maskedAddress" | "notBefore" | "sentAt"
> & {
  sequence: number;
  toAddress: string;
  notBefore: string;
  sentAt: string | null;
};

/**
 * The messages the care team sees on a visit (read with the visit, the viewer's clinic's only):
 * what was sent, what waits, what failed and why. Rows replaced by a later change are left out,
 * except those that were sent; the others of the current version say why they did not go.
 */
export function shownVisitMessages(
  calendarSequence: number,
  messages: VisitMessageRow[],
): VisitMessageSummary[] {
  return messages
    .filter(
      (message) =>
        message.status !== VisitMessageStatus.CANCELLED || message.sequence === calendarSequence,
    )
    .map(({ toAddress, sequence: _sequence, notBefore, sentAt, ...message }) => ({
      ...message,
      notBefore: new Date(notBefore),
      sentAt: sentAt === null ? null : new Date(sentAt),
      maskedAddress: maskAddress(toAddress),
    }));
}

/** "maria@example.com" → "m…@example.com": enough to recognise, not enough to read out. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "…";
  return `${address[0]}…${address.slice(at)}`;
}
