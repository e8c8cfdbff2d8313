import {
  VisitMessageKind,
  VisitMessageRecipient,
  type VisitMessageKind as Kind,
  type VisitMessageRecipient as Recipient,
} from "@/generated/prisma/enums";

// Which messages a change to a visit queues: a pure decision, so that its rules read in one place.

/** What happened to the visit. "started": a meeting started now, that the patient joins later. */
export type VisitChange = "scheduled" | "started" | "rescheduled" | "cancelled";

export type VisitMessageFacts = {
  change: VisitChange;
  /** The visit's calendarSequence after the change. */
  sequence: number;
  start: Date;
  patientEmail: string | null;
  isPatientOptedOut: boolean;
  providerEmail: string;
  /** The clinic's reminder offsets, in minutes before the start. */
  reminderOffsetsMinutes: readonly number[];
  /** Recipients who have an invitation or update (sent, or being sent now). */
  alreadyTold: ReadonlySet<Recipient>;
  now: Date;
};

export type PlannedVisitMessage = {
  kind: Kind;
  recipient: Recipient;
  sequence: number;
  offsetMinutes: number;
  toAddress: string;
  notBefore: Date;
  /** A reminder for a patient who stopped reminders: kept, but not sent unless they resume. */
  isStopped: boolean;
};

export function planVisitMessages(facts: VisitMessageFacts): PlannedVisitMessage[] {
  const addresses = new Map<Recipient, string>();
  if (facts.patientEmail) addresses.set(VisitMessageRecipient.PATIENT, facts.patientEmail);
  // A provider who starts a meeting now is there already; only the patient needs to be told.
  if (facts.change !== "started")
    addresses.set(VisitMessageRecipient.PROVIDER, facts.providerEmail);

  const planned: PlannedVisitMessage[] = [];
  const queue = (kind: Kind, recipient: Recipient, toAddress: string, offsetMinutes = 0) =>
    planned.push({
      isStopped: kind === VisitMessageKind.REMINDER && facts.isPatientOptedOut,
      kind,
      recipient,
      sequence: facts.sequence,
      offsetMinutes,
      toAddress,
      notBefore:
        offsetMinutes === 0 ? facts.now : new Date(facts.start.getTime() - offsetMinutes * 60_000),
    });

  for (const [recipient, address] of addresses) {
    const kind = kindFor(facts.change, facts.alreadyTold.has(recipient));
    if (kind) queue(kind, recipient, address);
  }
  const patientAddress = addresses.get(VisitMessageRecipient.PATIENT);
  const hasReminders =
    (facts.change === "scheduled" || facts.change === "rescheduled") &&
    patientAddress !== undefined;
  if (hasReminders) {
    for (const offset of new Set(facts.reminderOffsetsMinutes)) {
      // A reminder whose time has passed makes no sense: the invitation just sent says it all.
      if (facts.start.getTime() - offset * 60_000 > facts.now.getTime())
        queue(VisitMessageKind.REMINDER, VisitMessageRecipient.PATIENT, patientAddress, offset);
    }
  }
  return planned;
}

function kindFor(change: VisitChange, isAlreadyTold: boolean): Kind | null {
  switch (change) {
    case "scheduled":
    case "started":
      return VisitMessageKind.INVITATION;
    case "rescheduled":
      // Whoever never got the first invitation (it was still queued) gets one with the new time.
      return isAlreadyTold ? VisitMessageKind.UPDATE : VisitMessageKind.INVITATION;
    case "cancelled":
      // Nobody is told of the cancellation of a visit they were never invited to.
      return isAlreadyTold ? VisitMessageKind.CANCELLATION : null;
  }
}
