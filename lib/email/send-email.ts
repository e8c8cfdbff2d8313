import "server-only";

import nodemailer, { type Transporter } from "nodemailer";

import { db } from "@/lib/db/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type EmailMessage = { to: string; subject: string; text: string; html?: string };

/** The development outbox keeps only what a developer reads: the newest few, for a day. */
export const OUTBOX_KEEP = 50;
const OUTBOX_MAX_AGE_MS = 24 * 60 * 60_000;

let transporter: Transporter | undefined;

function smtpTransport(): Transporter {
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  return transporter;
}

/** Development and tests only: lib/env.ts refuses EMAIL_TRANSPORT=outbox in production. */
async function keepInOutbox(message: EmailMessage): Promise<void> {
  if (env.NODE_ENV === "production") throw new Error("The outbox is not available in production");
  // The text is enough to read the message and follow its link; the HTML is not kept.
  const stored = await db.outboxEmail.create({
    data: { to: message.to, subject: message.subject, text: message.text },
    select: { id: true },
  });
  await db.$executeRaw`
    DELETE FROM "OutboxEmail"
     WHERE "createdAt" < ${new Date(Date.now() - OUTBOX_MAX_AGE_MS)}
        OR "id" NOT IN (SELECT "id" FROM "OutboxEmail" ORDER BY "createdAt" DESC LIMIT ${OUTBOX_KEEP})`;
  if (env.NODE_ENV === "development") {
    console.info(
      `\n[dev outbox] To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`,
    );
  }
  log.info("email.outboxed", { outboxEmailId: stored.id });
}

/**
 * Sends through SMTP (nodemailer), or in development and tests with EMAIL_TRANSPORT=outbox keeps
 * the message in the outbox table, shown at /dev/outbox, and prints it to the console.
 */
export async function sendEmail(message: EmailMessage): Promise<void> {
  if (env.EMAIL_TRANSPORT === "outbox") return keepInOutbox(message);
  const info = (await smtpTransport().sendMail({ from: env.EMAIL_FROM, ...message })) as {
    messageId?: string;
  };
  log.info("email.sent", { messageId: info.messageId });
}
