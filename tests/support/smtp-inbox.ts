import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";

// A real SMTP server on an ephemeral port (the npm package smtp-server), started by the test
// itself: the app delivers to it with nodemailer exactly as to a clinic's mail server, and the test
// reads what arrived, decoded by postal-mime (MIME, quoted-printable, both parts).

export type ReceivedEmail = {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: number;
};

export type SmtpInbox = {
  url: string;
  messages: ReceivedEmail[];
  /** The newest message to `address` that arrived after `since` (ms) and matches, waiting for it. */
  waitFor: (
    address: string,
    options?: { since?: number; subject?: RegExp; timeoutMs?: number },
  ) => Promise<ReceivedEmail>;
  close: () => Promise<void>;
};

export async function startSmtpInbox(port = 0): Promise<SmtpInbox> {
  const messages: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        PostalMime.parse(Buffer.concat(chunks))
          .then((email) => {
            messages.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              from: email.from?.address ?? "",
              subject: email.subject ?? "",
              text: email.text ?? "",
              html: email.html ?? "",
              receivedAt: Date.now(),
            });
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error("parse")));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;

  return {
    url: `smtp://127.0.0.1:${boundPort}`,
    messages,
    waitFor: async (recipient, { since = 0, subject, timeoutMs = 10_000 } = {}) => {
      const deadline = Date.now() + timeoutMs;
      const wanted = recipient.toLowerCase();
      for (;;) {
        const found = messages
          .filter((message) => message.to.includes(wanted) && message.receivedAt >= since)
          .filter((message) => !subject || subject.test(message.subject))
          .at(-1);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No email to ${recipient} arrived in time`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message's text that starts with `prefix`. */
export function linkIn(message: ReceivedEmail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}\\S+`).exec(message.text);
  if (!match) throw new Error(`No link starting with ${prefix} in "${message.subject}"`);
  return match[0];
}
