import { patientEmailsTranslator } from "@/lib/email/messages/patient-emails-translator";
import { type RenderedMessage, renderMessage } from "@/lib/email/messages/render";
import type { Locale } from "@/lib/i18n/constants";

export type PortalInvitationMessageInput = {
  locale: Locale;
  firstName: string;
  clinicName: string;
  /** The single-use link that sets the password. */
  setPasswordUrl: string;
  /** Where the patient signs in with a one-time code instead. */
  codeSignInUrl: string;
  validDays: number;
};

/** A clinic invites a patient to its portal, in the patient's language. */
export function portalInvitationMessage(input: PortalInvitationMessageInput): RenderedMessage {
  const t = patientEmailsTranslator(input.locale);
  const clinic = input.clinicName;
  return renderMessage({
    lang: input.locale,
    subject: t("portalInvitation.subject", { clinic }),
    blocks: [
      { kind: "paragraph", text: t("greeting", { firstName: input.firstName }) },
      { kind: "paragraph", text: t("portalInvitation.intro", { clinic }) },
      {
        kind: "action",
        label: t("portalInvitation.action"),
        url: input.setPasswordUrl,
        addressLabel: t("addressLabel"),
      },
      {
        kind: "paragraph",
        text: t("portalInvitation.codeSignIn", { url: input.codeSignInUrl }),
      },
      { kind: "note", text: t("portalInvitation.note", { days: input.validDays }) },
    ],
  });
}
