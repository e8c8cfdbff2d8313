import "server-only";

import { VisitMessageStatus } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import type { VisitMessageSummary } from "@/lib/visit-messages/types";

export type ListVisitMessagesOptions = { viewer: Viewer; visitIds: string[] };

/** More than a visit ever has in practice (two recipients, a few versions and reminders). */
const PER_VISIT_LIMIT = 30;

/**
 * The messages of these visits (the viewer's clinic's only), newest first, by visit: what was
 * sent, what waits, what failed and why. Rows replaced by a later change are left out, except
 * those that were sent; the others of the current version say why they did not go.
 */
export async function listVisitMessages({
  viewer,
  visitIds,
}: ListVisitMessagesOptions): Promise<Map<string, VisitMessageSummary[]>> {
  const byVisit = new Map<string, VisitMessageSummary[]>();
  if (visitIds.length === 0) return byVisit;
  const visits = await db.visit.findMany({
    where: { id: { in: visitIds }, organizationId: viewer.organizationId },
    select: {
      id: true,
      calendarSequence: true,
      messages: {
        orderBy: [{ createdAt: "desc" }, { offsetMinutes: "desc" }],
        take: PER_VISIT_LIMIT,
        select: {
          id: true,
          kind: true,
          recipient: true,
          sequence: true,
          offsetMinutes: true,
          toAddress: true,
          status: true,
          notBefore: true,
          sentAt: true,
          attempts: true,
          lastError: true,
        },
      },
    },
  });
  for (const visit of visits) {
    const shown = visit.messages.filter(
      (message) =>
        message.status !== VisitMessageStatus.CANCELLED ||
        message.sequence === visit.calendarSequence,
    );
    byVisit.set(
      visit.id,
      shown.map(({ toAddress, sequence: _sequence, ...message }) => ({
        ...message,
        maskedAddress: maskAddress(toAddress),
      })),
    );
  }
  return byVisit;
}

/** "maria@example.com" → "m…@example.com": enough to recognise, not enough to read out. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "…";
  return `${address[0]}…${address.slice(at)}`;
}
