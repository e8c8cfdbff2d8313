/** A subject's portal state, as the Overview shows it. */
export type PortalAccess =
  | { state: "not_invited"; hasEmail: boolean }
  | {
      state: "invited";
      hasEmail: boolean;
      invitedAt: Date;
      invitedBy: string | null;
      expiresAt: Date;
    }
  | { state: "active"; hasEmail: boolean; lastSignInAt: Date | null }
  | { state: "removed"; hasEmail: boolean };
