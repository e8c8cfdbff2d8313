import "server-only";

import nodemailer, { type Transporter } from "nodemailer";

import { db } from "@/lib/db/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type EmailMessage = { to: string; subject: string; text: string };

let transporter: Transporter | undefined;

function smtpTransport(): Transporter {
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  return transporter;
}

/**
 * Sends through SMTP, or with EMAIL_TRANSPORT=outbox (development and tests) keeps the message in
 * the outbox table, shown at /dev/outbox, and prints it to the console.
 */
export async function sendEmail(message: EmailMessage): Promise<void> {
  if (env.EMAIL_TRANSPORT === "outbox") {
    const stored = await db.outboxEmail.create({ data: message, select: { id: true } });
    // `npm run dev` only: the outbox exists so that a developer can read the mail.
    if (env.NODE_ENV === "development") {
      console.info(
        `\n[dev outbox] To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`,
      );
    }
    log.info("email.outboxed", { outboxEmailId: stored.id });
    return;
  }
  const info = (await smtpTransport().sendMail({ from: env.EMAIL_FROM, ...message })) as {
    messageId?: string;
  };
  log.info("email.sent", { messageId: info.messageId });
}
