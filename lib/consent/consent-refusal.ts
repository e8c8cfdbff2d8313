import { AppError } from "@/lib/errors";

// Why a consent was not stored, for the patient's page to say in the patient's language (the
// catalogs' Consent.refusals); `userMessage` keeps the English for everyone else.

export type ConsentRefusalReason = "wrongName" | "noConsent" | "stale" | "already";

export type ConsentRefusalDetails = {
  /** The name to type (wrongName). */
  name?: string;
  /** The current version (stale). */
  version?: number;
  /** When this version was accepted before (already). */
  acceptedAt?: Date;
};

export class ConsentRefusal extends AppError {
  constructor(
    readonly reason: ConsentRefusalReason,
    message: string,
    readonly details: ConsentRefusalDetails = {},
    cause?: unknown,
  ) {
    const isName = reason === "wrongName";
    super(isName ? "bad_request" : "conflict", message, {
      userMessage: message,
      cause,
      fields: isName ? { signedName: [message] } : undefined,
    });
    this.name = "ConsentRefusal";
  }
}
