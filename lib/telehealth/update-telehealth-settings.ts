import "server-only";

import { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/types";
import { encryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import {
  deriveTelehealthSettingsErrors,
  TELEHEALTH_SETTINGS_INVALID,
  type TelehealthSettingsInput,
} from "@/lib/telehealth/schemas";
import { telehealthSettingsSelect, toTelehealthSettingsView } from "@/lib/telehealth/settings-view";
import type { TelehealthSettingsView } from "@/lib/telehealth/types";

export type UpdateTelehealthSettingsOptions = TelehealthSettingsInput & { viewer: Viewer };

const COMPARED_FIELDS = ["joinMode", "apiKey", "includeIdentity", "notifierUsername"] as const;

/** Names of the settings that changed, for the audit trail: never their values. */
function changedFields(
  before: TelehealthSettingsView,
  after: TelehealthSettingsView,
  replaced: { apiSecret: boolean; notifierPassword: boolean },
): string[] {
  const changed: string[] = COMPARED_FIELDS.filter((field) => before[field] !== after[field]);
  if (replaced.apiSecret) changed.push("apiSecret");
  if (replaced.notifierPassword || before.hasNotifierPassword !== after.hasNotifierPassword)
    changed.push("notifierPassword");
  return changed;
}

/**
 * Saves the organization's telehealth settings. The API secret is stored AES-256-GCM encrypted
 * (Zoom needs it back to check our launch URLs); the notification password only as a password hash (argon2id).
 * An empty secret or password keeps the stored one.
 */
export async function updateTelehealthSettings({
  viewer,
  ...input
}: UpdateTelehealthSettingsOptions): Promise<TelehealthSettingsView> {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators manage telehealth settings");
  const isRemovingCredentials = input.removeNotifierCredentials;
  const sealedSecret = input.apiSecret
    ? encryptSecret(input.apiSecret, sealedFields.telehealthApiSecret(viewer.organizationId))
    : null;
  // Hashing takes about 40 ms (off the event loop): before the transaction, which then holds its connection briefly.
  const passwordHash =
    input.notifierPassword && !isRemovingCredentials
      ? await hashPassword(input.notifierPassword)
      : null;
  const where = { organizationId: viewer.organizationId };

  return db.$transaction(async (tx) => {
    const before = toTelehealthSettingsView(
      await tx.telehealthSettings.findUnique({ where, select: telehealthSettingsSelect }),
    );
    const errors = deriveTelehealthSettingsErrors(input, before);
    if (Object.keys(errors).length > 0)
      throw new AppError("bad_request", "Incomplete telehealth settings", {
        userMessage: TELEHEALTH_SETTINGS_INVALID,
        fields: errors,
      });

    const data = {
      joinMode: input.joinMode,
      apiKey: input.apiKey ?? null,
      includeIdentity: input.includeIdentity,
      ...(sealedSecret ? { apiSecret: sealedSecret } : {}),
      notifierUsername: isRemovingCredentials ? null : (input.notifierUsername ?? null),
      ...(isRemovingCredentials ? { notifierPasswordHash: null } : {}),
      ...(passwordHash ? { notifierPasswordHash: passwordHash } : {}),
    };
    const after = toTelehealthSettingsView(
      await tx.telehealthSettings.upsert({
        where,
        create: { ...where, ...data },
        update: data,
        select: telehealthSettingsSelect,
      }),
    );
    await recordAudit(tx, {
      actor: viewer,
      action: "telehealth.settings_update",
      targetType: "telehealth_settings",
      targetId: viewer.organizationId,
      details: {
        changed: changedFields(before, after, {
          apiSecret: sealedSecret !== null,
          notifierPassword: passwordHash !== null,
        }),
      },
    });
    return after;
  });
}
