import { patientEmailsTranslator } from "@/lib/email/messages/patient-emails-translator";
import { type RenderedMessage, renderMessage } from "@/lib/email/messages/render";
import type { Locale } from "@/lib/i18n/constants";

export type PasswordResetMessageInput = {
  /** A patient's language; staff accounts get English (emailLocaleFor). */
  locale: Locale;
  firstName: string;
  resetUrl: string;
  validMinutes: number;
};

/** Someone asked for a new password for this address (Forgot password). */
export function passwordResetMessage(input: PasswordResetMessageInput): RenderedMessage {
  const t = patientEmailsTranslator(input.locale);
  return renderMessage({
    lang: input.locale,
    subject: t("passwordReset.subject"),
    blocks: [
      { kind: "paragraph", text: t("greeting", { firstName: input.firstName }) },
      { kind: "paragraph", text: t("passwordReset.intro") },
      {
        kind: "action",
        label: t("passwordReset.action"),
        url: input.resetUrl,
        addressLabel: t("addressLabel"),
      },
      { kind: "note", text: t("passwordReset.note", { minutes: input.validMinutes }) },
    ],
  });
}
