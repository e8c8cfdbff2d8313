import type { JoinMode } from "@/generated/prisma/enums";

/** What the telehealth settings page shows: never the API secret or the password hash. */
export type TelehealthSettingsView = {
  joinMode: JoinMode;
  /** The `org_id` of launch URLs; not a secret. */
  apiKey: string | null;
  hasApiSecret: boolean;
  /** Privacy switch: names and email go into launch URLs only when true. */
  includeIdentity: boolean;
  notifierUsername: string | null;
  hasNotifierPassword: boolean;
  /** null until an administrator first saves the settings. */
  updatedAt: Date | null;
};

/** What the join flow needs to build a launch URL for an organization in TELEHEALTH_URL mode. */
export type TelehealthJoinConfig = { apiKey: string; apiSecret: string; includeIdentity: boolean };

/** The outcome of checking the Basic credentials of a join/leave notification. */
export type NotifierCredentialsCheck = "not_configured" | "valid" | "invalid";
