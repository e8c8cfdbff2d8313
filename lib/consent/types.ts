// Types shared by the consent pages and their components (no server code here).

/** One block of a consent text: a paragraph (its lines kept) or a bulleted list. */
export type ConsentBlock =
  { kind: "paragraph"; lines: string[] } | { kind: "list"; items: string[] };

/**
 * Where a subject stands with the clinic's telehealth consent: the clinic has no text (nothing to
 * ask), the subject never accepted, accepted an older version (asked again), or accepted this one.
 */
export type ConsentStatus =
  | { state: "not_required" }
  | { state: "missing"; currentVersion: number }
  | { state: "outdated"; version: number; acceptedAt: Date; currentVersion: number }
  | { state: "current"; version: number; acceptedAt: Date };

/** What the portal shows a patient who is asked for consent. */
export type ConsentRequest = {
  version: number;
  blocks: ConsentBlock[];
  /** The name the patient types to sign, as the clinic has it. */
  expectedName: string;
};
