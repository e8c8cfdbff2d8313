import { type RenderedMessage, renderMessage } from "@/lib/email/messages/render";

export type PortalInvitationMessageInput = {
  firstName: string;
  clinicName: string;
  /** The single-use link that sets the password. */
  setPasswordUrl: string;
  /** Where the patient signs in with a one-time code instead. */
  codeSignInUrl: string;
  validDays: number;
};

/** A clinic invites a patient to its portal. */
export function portalInvitationMessage(input: PortalInvitationMessageInput): RenderedMessage {
  return renderMessage({
    subject: `${input.clinicName} invites you to CareVisit`,
    blocks: [
      { kind: "paragraph", text: `Hello ${input.firstName},` },
      {
        kind: "paragraph",
        text: `${input.clinicName} invites you to CareVisit, where you see your video appointments and join them with one tap.`,
      },
      { kind: "action", label: "Set your password", url: input.setPasswordUrl },
      {
        kind: "paragraph",
        text: `No password needed if you prefer: sign in with a one-time code sent to this address at ${input.codeSignInUrl}`,
      },
      {
        kind: "note",
        text: `The link works once, for ${input.validDays} days. If you did not expect this email, you can ignore it.`,
      },
    ],
  });
}
