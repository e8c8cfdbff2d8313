import "server-only";

import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { telehealthSettingsSelect, toTelehealthSettingsView } from "@/lib/telehealth/settings-view";
import type { TelehealthSettingsView } from "@/lib/telehealth/types";

export type GetTelehealthSettingsOptions = { viewer: Viewer };

/** The organization's telehealth settings for its administrators, with defaults until first saved. */
export async function getTelehealthSettings({
  viewer,
}: GetTelehealthSettingsOptions): Promise<TelehealthSettingsView> {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators manage telehealth settings");
  const row = await db.telehealthSettings.findUnique({
    where: { organizationId: viewer.organizationId },
    select: telehealthSettingsSelect,
  });
  return toTelehealthSettingsView(row);
}
