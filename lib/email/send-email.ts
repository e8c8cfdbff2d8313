import "server-only";

import net from "node:net";

import nodemailer, { type Transporter } from "nodemailer";

import { db } from "@/lib/db/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** An iCalendar object sent as the message's text/calendar part (and as an .ics attachment). */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
  /** Extra headers (List-Unsubscribe): values are ours, never input. */
  headers?: Record<string, string>;
  /** A stable Message-ID (`<…@…>`), so that a message sent again is recognisably the same. */
  messageId?: string;
};

export type SentEmail = { messageId: string | null };

/** The development outbox keeps only what a developer reads: the newest few, for a day. */
export const OUTBOX_KEEP = 50;
const OUTBOX_MAX_AGE_MS = 24 * 60 * 60_000;

let transporter: Transporter | undefined;

/**
 * One pool of SMTP connections per process (nodemailer's pool), reused by every message, with
 * timeouts so that a server that stops answering fails the attempt instead of holding it. Options
 * already in SMTP_URL's query win.
 */
function smtpTransport(): Transporter {
  if (transporter) return transporter;
  const url = new URL(env.SMTP_URL ?? "");
  for (const [name, value] of Object.entries(POOL_DEFAULTS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  const created = nodemailer.createTransport(url.toString());
  // nodemailer's documented hook for supplying sockets (its types leave it out).
  (created as Transporter & { getSocket: typeof connectWithoutDelay }).getSocket =
    connectWithoutDelay;
  transporter = created;
  return created;
}

type SocketOptions = { host?: string; port?: number; secure?: boolean; connectionTimeout?: number };

/**
 * Plain SMTP connections (STARTTLS upgrades them later) are opened with Nagle's algorithm off: a
 * command and its answer are each a small write, and with Nagle and delayed ACKs every message on
 * a connection waited about 40 ms (50 ms per message measured against a local server, 9 ms without).
 * Implicit TLS (smtps://) is left to nodemailer, with its TLS options.
 */
function connectWithoutDelay(
  options: SocketOptions,
  callback: (error: Error | null, socketOptions?: { connection: net.Socket } | false) => void,
): void {
  if (options.secure || !options.host || !options.port) return callback(null, false);
  const socket = net.connect({ host: options.host, port: options.port, noDelay: true });
  const fail = (error: Error) => callback(error);
  socket.setTimeout(options.connectionTimeout ?? 10_000, () =>
    socket.destroy(Object.assign(new Error("Connection timeout"), { code: "ETIMEDOUT" })),
  );
  socket.once("error", fail);
  socket.once("connect", () => {
    socket.setTimeout(0);
    socket.removeListener("error", fail);
    callback(null, { connection: socket });
  });
}

const POOL_DEFAULTS = {
  pool: "true",
  maxConnections: "4",
  connectionTimeout: "10000",
  greetingTimeout: "10000",
  socketTimeout: "30000",
};

/** Development and tests only: lib/env.ts refuses EMAIL_TRANSPORT=outbox in production. */
async function keepInOutbox(message: EmailMessage): Promise<SentEmail> {
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
  return { messageId: message.messageId ?? null };
}

/**
 * Sends through SMTP (nodemailer), or in development and tests with EMAIL_TRANSPORT=outbox keeps
 * the message in the outbox table, shown at /dev/outbox, and prints it to the console.
 */
export async function sendEmail(message: EmailMessage): Promise<SentEmail> {
  if (env.EMAIL_TRANSPORT === "outbox") return keepInOutbox(message);
  const { calendar, ...fields } = message;
  const info = (await smtpTransport().sendMail({
    from: env.EMAIL_FROM,
    ...fields,
    ...(calendar && {
      icalEvent: { method: calendar.method, filename: "visit.ics", content: calendar.content },
    }),
  })) as { messageId?: string };
  log.info("email.sent", { messageId: info.messageId });
  return { messageId: info.messageId ?? null };
}
