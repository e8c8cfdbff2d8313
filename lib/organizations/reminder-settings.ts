import "server-only";

import { Role } from "@/generated/prisma/enums";
import { changedFieldNames } from "@/lib/audit/changed-fields";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import type { ReminderSettingsInput } from "@/lib/organizations/schemas";

const reminderSettingsSelect = { reminderOffsetsMinutes: true, calendarSubjectName: true } as const;

export type ReminderSettings = Pick<ReminderSettingsInput, keyof typeof reminderSettingsSelect>;

/** The viewer's clinic's reminder offsets (largest first; none = off) and calendar naming. */
export async function findReminderSettings({
  viewer,
}: {
  viewer: Viewer;
}): Promise<ReminderSettings | null> {
  return db.organization.findUnique({
    where: { id: viewer.organizationId },
    select: reminderSettingsSelect,
  });
}

/** An array compared by its values, for changedFieldNames (which compares with !==). */
const comparable = ({ reminderOffsetsMinutes, calendarSubjectName }: ReminderSettings) => ({
  reminderOffsetsMinutes: reminderOffsetsMinutes.join(","),
  calendarSubjectName,
});

/**
 * Sets when the clinic's patients are reminded before a visit (no offset turns reminders off) and
 * how the provider's calendar entry names the patient. Admins only, audited. Visits already
 * scheduled keep the reminders they were given; a change applies to visits scheduled or moved
 * after it.
 */
export async function updateReminderSettings({
  viewer,
  ...settings
}: ReminderSettingsInput & { viewer: Viewer }): Promise<ReminderSettings> {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators change settings");
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: viewer.organizationId },
      select: reminderSettingsSelect,
    });
    const after = await tx.organization.update({
      where: { id: viewer.organizationId },
      data: settings,
      select: reminderSettingsSelect,
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "organization.update",
      targetType: "organization",
      targetId: viewer.organizationId,
      details: {
        changed: changedFieldNames(comparable(before), comparable(after), [
          "reminderOffsetsMinutes",
          "calendarSubjectName",
        ]),
        to: after,
      },
    });
    return after;
  });
}
