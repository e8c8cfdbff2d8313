// What an SMTP failure means for a message: try again later, or stop. Pure, from nodemailer's error.

export type SmtpFailure = {
  /** retry: the server or the network failed for now; bounced: the address was refused for good. */
  outcome: "retry" | "failed" | "bounced";
  /** The server's answer (or the network error), one line, for the care team to read. */
  answer: string;
};

const ANSWER_MAX = 300;

type NodemailerError = {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
};

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const fields = (typeof error === "object" && error !== null ? error : {}) as NodemailerError;
  const responseCode = typeof fields.responseCode === "number" ? fields.responseCode : null;
  const code = typeof fields.code === "string" ? fields.code : null;
  const raw =
    typeof fields.response === "string"
      ? fields.response
      : typeof fields.message === "string"
        ? fields.message
        : String(error);
  const answer =
    raw
      .replace(/[\r\n\t]+/g, " ")
      // Servers repeat the address ("550 <maria@example.com>"); the page shows it masked.
      .replace(/([^\s<>"'@])[^\s<>"'@]*@([^\s<>"']+)/g, "$1…@$2")
      .trim()
      .slice(0, ANSWER_MAX) || "No answer";
  // A 5xx answer is permanent (RFC 5321 §4.2.1): to RCPT TO, the address does not exist or takes no
  // mail; to the message itself, the server will not take it. Authentication failures (535) are the
  // clinic's configuration, which can be fixed: those are retried like 4xx answers and lost connections.
  if (responseCode !== null && responseCode >= 500 && code !== "EAUTH")
    return { outcome: code === "EENVELOPE" ? "bounced" : "failed", answer };
  return { outcome: "retry", answer };
}

/** Minutes to wait before attempt n + 1 after n failed attempts; null: stop trying. */
const RETRY_DELAYS_MINUTES = [1, 5, 15, 60, 180, 360];

export function retryDelayMs(failedAttempts: number): number | null {
  const minutes = RETRY_DELAYS_MINUTES[failedAttempts - 1];
  return minutes === undefined ? null : minutes * 60_000;
}
