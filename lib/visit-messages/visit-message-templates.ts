import { VisitMessageRecipient } from "@/generated/prisma/enums";
import type { MessageBlock, MessageContent } from "@/lib/email/messages/render";

import {
  detailsBlock,
  greetingBlock,
  noteBlock,
  patientInWords,
  visitActionBlocks,
} from "./message-blocks";
import type { MessageFacts } from "./message-facts";

// One template per kind of visit message, for the patient's copy and the provider's. Each says
// what the message contains; lib/email/messages/render.ts writes it as plain text and as HTML.

function content(facts: MessageFacts, subject: string, blocks: MessageBlock[]): MessageContent {
  return { subject, blocks, lang: facts.language };
}

function isForPatient(facts: MessageFacts): boolean {
  return facts.recipient === VisitMessageRecipient.PATIENT;
}

/** The visit is scheduled: when, with whom, the link, and the calendar file. */
export function invitationMessage(facts: MessageFacts): MessageContent {
  const { t, clinic, provider, when } = facts;
  if (isForPatient(facts)) {
    return content(facts, t("patient.invitation.subject", { provider, when }), [
      greetingBlock(facts),
      { kind: "paragraph", text: t("patient.invitation.intro", { clinic }) },
      detailsBlock(facts),
      ...visitActionBlocks(facts),
      noteBlock(t("patient.invitation.calendar")),
      noteBlock(t("patient.questions", { clinic })),
    ]);
  }
  const patient = patientInWords(facts);
  return content(facts, t("provider.invitation.subject", { patient, when }), [
    greetingBlock(facts),
    { kind: "paragraph", text: t("provider.invitation.intro", { patient, clinic }) },
    detailsBlock(facts),
    ...visitActionBlocks(facts),
    noteBlock(t("provider.invitation.calendar")),
  ]);
}

/** The visit moved: the new time first, then the same details and link. */
export function updateMessage(facts: MessageFacts): MessageContent {
  const { t, clinic, provider, when } = facts;
  if (isForPatient(facts)) {
    return content(facts, t("patient.update.subject", { when }), [
      greetingBlock(facts),
      { kind: "paragraph", text: t("patient.update.intro", { provider, when }) },
      detailsBlock(facts),
      ...visitActionBlocks(facts),
      noteBlock(t("patient.update.calendar")),
      noteBlock(t("patient.questions", { clinic })),
    ]);
  }
  const patient = patientInWords(facts);
  return content(facts, t("provider.update.subject", { patient, when }), [
    greetingBlock(facts),
    { kind: "paragraph", text: t("provider.update.intro", { patient, when }) },
    detailsBlock(facts),
    ...visitActionBlocks(facts),
    noteBlock(t("provider.update.calendar")),
  ]);
}

/** The visit is cancelled: which one, and whom to contact. No link: there is nothing to join. */
export function cancellationMessage(facts: MessageFacts): MessageContent {
  const { t, clinic, provider, when } = facts;
  if (isForPatient(facts)) {
    return content(facts, t("patient.cancellation.subject", { when }), [
      greetingBlock(facts),
      { kind: "paragraph", text: t("patient.cancellation.intro", { provider, when }) },
      { kind: "paragraph", text: t("patient.cancellation.contact", { clinic }) },
      noteBlock(t("patient.cancellation.calendar")),
    ]);
  }
  const patient = patientInWords(facts);
  return content(facts, t("provider.cancellation.subject", { patient, when }), [
    greetingBlock(facts),
    { kind: "paragraph", text: t("provider.cancellation.intro", { patient, when }) },
    noteBlock(t("provider.cancellation.calendar")),
  ]);
}

function optOutBlocks(facts: MessageFacts, text: string, label: string): MessageBlock[] {
  if (!facts.optOutUrl) return [];
  return [{ kind: "note", text, link: { label, url: facts.optOutUrl } }];
}

/** The visit is soon: how soon, the link, the device check, and the way to stop reminders. */
export function reminderMessage(facts: MessageFacts): MessageContent {
  const { t, clinic, provider, when } = facts;
  if (facts.offset === null) throw new Error("A reminder needs its offset in minutes");
  const offset = facts.offset;
  if (isForPatient(facts)) {
    return content(facts, t("patient.reminder.subject", { provider, offset }), [
      greetingBlock(facts),
      { kind: "paragraph", text: t("patient.reminder.intro", { provider, offset, when }) },
      detailsBlock(facts),
      ...visitActionBlocks(facts),
      { kind: "paragraph", text: t("patient.reminder.deviceCheck") },
      ...optOutBlocks(
        facts,
        t("patient.reminder.optOutNote", { clinic }),
        t("patient.reminder.optOut"),
      ),
    ]);
  }
  const patient = patientInWords(facts);
  return content(facts, t("provider.reminder.subject", { patient, offset }), [
    greetingBlock(facts),
    { kind: "paragraph", text: t("provider.reminder.intro", { patient, offset, when }) },
    detailsBlock(facts),
    ...visitActionBlocks(facts),
    ...optOutBlocks(
      facts,
      t("provider.reminder.optOutNote", { clinic }),
      t("provider.reminder.optOut"),
    ),
  ]);
}
