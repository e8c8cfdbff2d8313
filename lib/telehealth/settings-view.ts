import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { JoinMode } from "@/generated/prisma/enums";
import type { TelehealthSettingsView } from "@/lib/telehealth/types";

// Shared by the read and the update of the telehealth settings.

/** The secret and the hash are read only to say whether they are set; they never leave lib/. */
export const telehealthSettingsSelect = {
  joinMode: true,
  apiKey: true,
  apiSecret: true,
  includeIdentity: true,
  notifierUsername: true,
  notifierPasswordHash: true,
  updatedAt: true,
} satisfies Prisma.TelehealthSettingsSelect;

type TelehealthSettingsRow = Prisma.TelehealthSettingsGetPayload<{
  select: typeof telehealthSettingsSelect;
}>;

/** An organization that never saved the settings: Zoom's own links, the schema's defaults. */
export const DEFAULT_TELEHEALTH_SETTINGS: TelehealthSettingsView = {
  joinMode: JoinMode.ZOOM_URL,
  apiKey: null,
  hasApiSecret: false,
  includeIdentity: true,
  notifierUsername: null,
  hasNotifierPassword: false,
  updatedAt: null,
};

export function toTelehealthSettingsView(
  row: TelehealthSettingsRow | null,
): TelehealthSettingsView {
  if (!row) return DEFAULT_TELEHEALTH_SETTINGS;
  return {
    joinMode: row.joinMode,
    apiKey: row.apiKey,
    hasApiSecret: row.apiSecret !== null,
    includeIdentity: row.includeIdentity,
    notifierUsername: row.notifierUsername,
    hasNotifierPassword: row.notifierUsername !== null && row.notifierPasswordHash !== null,
    updatedAt: row.updatedAt,
  };
}
