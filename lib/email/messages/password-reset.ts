import { type RenderedMessage, renderMessage } from "@/lib/email/messages/render";

export type PasswordResetMessageInput = {
  firstName: string;
  resetUrl: string;
  validMinutes: number;
};

/** Someone asked for a new password for this address (Forgot password). */
export function passwordResetMessage(input: PasswordResetMessageInput): RenderedMessage {
  return renderMessage({
    subject: "Reset your CareVisit password",
    blocks: [
      { kind: "paragraph", text: `Hello ${input.firstName},` },
      {
        kind: "paragraph",
        text: "Someone, probably you, asked to reset the password of your CareVisit account.",
      },
      { kind: "action", label: "Choose a new password", url: input.resetUrl },
      {
        kind: "note",
        text: `The link works once, for ${input.validMinutes} minutes. If you did not ask for it, ignore this email: your password stays as it is.`,
      },
    ],
  });
}
