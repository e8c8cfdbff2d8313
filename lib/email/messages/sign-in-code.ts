import { patientEmailsTranslator } from "@/lib/email/messages/patient-emails-translator";
import { type RenderedMessage, renderMessage } from "@/lib/email/messages/render";
import type { Locale } from "@/lib/i18n/constants";

export type SignInCodeMessageInput = {
  locale: Locale;
  firstName: string;
  code: string;
  enterCodeUrl: string;
  validMinutes: number;
};

/** A patient's one-time sign-in code (the code is in the subject, to be read from a notification). */
export function signInCodeMessage(input: SignInCodeMessageInput): RenderedMessage {
  const t = patientEmailsTranslator(input.locale);
  return renderMessage({
    lang: input.locale,
    subject: t("signInCode.subject", { code: input.code }),
    blocks: [
      { kind: "paragraph", text: t("greeting", { firstName: input.firstName }) },
      {
        kind: "paragraph",
        text: t("signInCode.intro", { code: input.code, minutes: input.validMinutes }),
      },
      {
        kind: "action",
        label: t("signInCode.action"),
        url: input.enterCodeUrl,
        addressLabel: t("addressLabel"),
      },
      { kind: "note", text: t("signInCode.note") },
    ],
  });
}
