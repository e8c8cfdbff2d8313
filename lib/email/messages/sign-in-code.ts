import { type RenderedMessage, renderMessage } from "@/lib/email/messages/render";

export type SignInCodeMessageInput = {
  firstName: string;
  code: string;
  enterCodeUrl: string;
  validMinutes: number;
};

/** A patient's one-time sign-in code (the code is in the subject, to be read from a notification). */
export function signInCodeMessage(input: SignInCodeMessageInput): RenderedMessage {
  return renderMessage({
    subject: `Your CareVisit sign-in code: ${input.code}`,
    blocks: [
      { kind: "paragraph", text: `Hello ${input.firstName},` },
      {
        kind: "paragraph",
        text: `Your CareVisit sign-in code is ${input.code}. It works once, for ${input.validMinutes} minutes.`,
      },
      { kind: "action", label: "Enter it", url: input.enterCodeUrl },
      { kind: "note", text: "If you did not ask for this code, you can ignore this email." },
    ],
  });
}
