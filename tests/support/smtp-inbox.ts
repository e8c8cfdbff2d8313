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
  messageId: string;
  /** Header lines by lower-cased name (the last one of each). */
  headers: Record<string, string>;
  /** Attached parts, decoded as UTF-8 text (calendar files); `method` for text/calendar. */
  attachments: { filename: string | null; mimeType: string; method?: string; content: string }[];
  receivedAt: number;
};

/** An SMTP answer the test wants the server to give, e.g. `{ responseCode: 451, message: "…" }`. */
export type SmtpRefusal = { responseCode: number; message: string };

export type SmtpInboxOptions = {
  port?: number;
  /** Called for each RCPT TO: a refusal answers it (a 5xx one is a bounce). */
  refuseRecipient?: (address: string) => SmtpRefusal | null;
  /** Called for each message's data: a refusal answers the end of DATA. */
  refuseMessage?: () => SmtpRefusal | null;
};

const decoder = new TextDecoder();
const asText = (content: ArrayBuffer | Uint8Array | string) =>
  typeof content === "string" ? content : decoder.decode(content);

function smtpError({ responseCode, message }: SmtpRefusal): Error {
  return Object.assign(new Error(message), { responseCode });
}

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

export async function startSmtpInbox(options: SmtpInboxOptions | number = {}): Promise<SmtpInbox> {
  const {
    port = 0,
    refuseRecipient,
    refuseMessage,
  } = typeof options === "number" ? { port: options } : options;
  const messages: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refuseRecipient?.(address.address.toLowerCase());
      callback(refusal ? smtpError(refusal) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const refusal = refuseMessage?.();
        if (refusal) return callback(smtpError(refusal));
        PostalMime.parse(Buffer.concat(chunks))
          .then((email) => {
            messages.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              from: email.from?.address ?? "",
              subject: email.subject ?? "",
              text: email.text ?? "",
              html: email.html ?? "",
              messageId: email.messageId ?? "",
              headers: Object.fromEntries(email.headers.map((h) => [h.key, h.value])),
              attachments: email.attachments.map((attachment) => ({
                filename: attachment.filename,
                mimeType: attachment.mimeType,
                method: attachment.method,
                content: asText(attachment.content),
              })),
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
