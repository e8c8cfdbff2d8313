import "server-only";

import { db } from "@/lib/db/db";
import { env } from "@/lib/env";

const OUTBOX_PAGE_SIZE = 50;

export function isOutboxEnabled(): boolean {
  return env.EMAIL_TRANSPORT === "outbox";
}

export async function listOutboxEmails() {
  return db.outboxEmail.findMany({
    orderBy: { createdAt: "desc" },
    take: OUTBOX_PAGE_SIZE,
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
  });
}
