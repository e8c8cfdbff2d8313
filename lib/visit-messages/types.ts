import type {
  VisitMessageKind,
  VisitMessageRecipient,
  VisitMessageStatus,
} from "@/generated/prisma/enums";

/** One message of a visit as the care team sees it on the Video Conferencing page. */
export type VisitMessageSummary = {
  id: string;
  kind: VisitMessageKind;
  recipient: VisitMessageRecipient;
  offsetMinutes: number;
  /** Masked: "m…@example.com". */
  maskedAddress: string;
  status: VisitMessageStatus;
  notBefore: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
};
