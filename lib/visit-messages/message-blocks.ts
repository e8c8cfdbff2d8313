import { VisitMessageRecipient } from "@/generated/prisma/enums";
import type { MessageBlock } from "@/lib/email/messages/render";

import type { MessageFacts } from "./message-facts";

// Blocks that several visit messages share, in the recipient's language.

/** The patient as the provider's copy names them: "a patient" when the clinic names nobody. */
export function patientInWords(facts: MessageFacts): string {
  return facts.patientLabel ?? facts.t("provider.somePatient");
}

export function greetingBlock(facts: MessageFacts): MessageBlock {
  const { t } = facts;
  const text =
    facts.recipient === VisitMessageRecipient.PATIENT
      ? t("patient.greeting", { firstName: facts.patientFirstName })
      : t("provider.greeting", { name: facts.provider });
  return { kind: "paragraph", text };
}

/** When, how long, with whom, where. */
export function detailsBlock(facts: MessageFacts): MessageBlock {
  const { t } = facts;
  const rows = [
    { label: t("details.when"), value: facts.when },
    { label: t("details.length"), value: facts.duration },
  ];
  if (facts.recipient === VisitMessageRecipient.PATIENT) {
    rows.push({ label: t("details.with"), value: facts.provider });
  } else if (facts.patientLabel) {
    rows.push({ label: t("details.patient"), value: facts.patientLabel });
  }
  rows.push({ label: t("details.clinic"), value: facts.clinic });
  return { kind: "details", rows };
}

/** The one link, and how to get through it: the visit's page in the portal, or the provider's page. */
export function visitActionBlocks(facts: MessageFacts): MessageBlock[] {
  const { t } = facts;
  const isPatient = facts.recipient === VisitMessageRecipient.PATIENT;
  return [
    {
      kind: "action",
      label: isPatient ? t("patient.viewVisit") : t("provider.openPage"),
      url: facts.visitUrl,
      addressLabel: t("addressLabel"),
    },
    { kind: "paragraph", text: isPatient ? t("patient.signInHint") : t("provider.startHint") },
  ];
}

export function noteBlock(text: string): MessageBlock {
  return { kind: "note", text };
}
