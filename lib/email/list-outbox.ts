import "server-only";

import { db } from "@/lib/db/db";
import { OUTBOX_KEEP } from "@/lib/email/send-email";
import { env } from "@/lib/env";

/** The outbox page exists only under `next dev` with the outbox transport, never in production. */
export function isOutboxEnabled(): boolean {
  return env.NODE_ENV === "development" && env.EMAIL_TRANSPORT === "outbox";
}

export async function listOutboxEmails() {
  return db.outboxEmail.findMany({
    orderBy: { createdAt: "desc" },
    take: OUTBOX_KEEP,
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
  });
}
