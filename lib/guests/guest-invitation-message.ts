import { createTranslator } from "next-intl";

import { type RenderedMessage, renderMessage } from "@/lib/email/messages/render";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/constants";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

// The guest's invitation email, in the language chosen at the invitation ("GuestEmails" catalog
// namespace). It names the clinic and the time, never the patient.

const CATALOGS: Record<Locale, typeof en> = { en, es };

export type GuestInvitationInput = {
  locale: Locale;
  guestName: string;
  clinicName: string;
  scheduledStart: Date;
  timeZone: string;
  url: string;
};

export function guestInvitationMessage(input: GuestInvitationInput): RenderedMessage {
  const t = createTranslator({
    locale: input.locale,
    messages: CATALOGS[input.locale],
    namespace: "GuestEmails",
    onError: (error) => {
      throw error;
    },
  });
  const when = formatDateTime(input.scheduledStart, input.timeZone, input.locale);
  return renderMessage({
    lang: input.locale,
    subject: t("subject", { clinic: input.clinicName }),
    blocks: [
      { kind: "paragraph", text: t("greeting", { name: input.guestName }) },
      { kind: "paragraph", text: t("intro", { clinic: input.clinicName }) },
      { kind: "details", rows: [{ label: t("whenLabel"), value: when }] },
      { kind: "action", label: t("action"), url: input.url, addressLabel: t("addressLabel") },
      { kind: "note", text: t("note") },
    ],
  });
}
