import { GuestRelationship } from "@/generated/prisma/enums";
import type { ActionState } from "@/lib/action-state";

// Guests as the care team's pages show them (plain data, times as Dates) and the words for their
// relationship, shared by the Video Conferencing page, the attendance log and the Today board.

export const GUEST_RELATIONSHIP_LABELS: Record<GuestRelationship, string> = {
  [GuestRelationship.CAREGIVER]: "Caregiver",
  [GuestRelationship.FAMILY]: "Family",
  [GuestRelationship.INTERPRETER]: "Interpreter",
  [GuestRelationship.OTHER]: "Guest",
};

/** What became of an invitation, for the card's list. */
export type GuestLinkStatus =
  | { kind: "not_used" }
  | { kind: "joined"; at: Date }
  | { kind: "expired" }
  | { kind: "revoked"; at: Date };

export type VisitGuestView = {
  id: string;
  visitId: string;
  name: string;
  relationship: GuestRelationship;
  email: string | null;
  status: GuestLinkStatus;
};

/** The one time the link is shown: its secret is not stored, so it cannot be shown again. */
export type CreatedGuestLink = {
  guestId: string;
  subjectId: string;
  url: string;
  /** Whether the invitation email went out (null: no email was given). */
  emailed: boolean | null;
};

/** The invite form's state: the usual ones, or the new link (shown once). */
export type InviteGuestState =
  ActionState | { status: "invited"; url: string; emailed: boolean | null; message: string };
