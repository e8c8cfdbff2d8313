import "server-only";

import { z } from "zod";

import { DateOrder, Role } from "@/generated/prisma/enums";
import { changedFieldNames } from "@/lib/audit/changed-fields";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";

export const RECORD_PREFIX_MAX_LENGTH = 12;

export const subjectSettingsInputSchema = z.object({
  subjectRecordPrefix: z
    .string()
    .trim()
    .max(RECORD_PREFIX_MAX_LENGTH, `Use at most ${RECORD_PREFIX_MAX_LENGTH} characters.`)
    .regex(/^[A-Za-z0-9-]*$/, "Use letters, digits and hyphens only (for example RFC-)."),
  dateOrder: z.enum(DateOrder, { error: "Choose how your clinic writes dates." }),
});
export type SubjectSettingsInput = z.infer<typeof subjectSettingsInputSchema>;

const subjectSettingsSelect = { subjectRecordPrefix: true, dateOrder: true } as const;

export async function findSubjectSettings({ viewer }: { viewer: Viewer }) {
  return db.organization.findUnique({
    where: { id: viewer.organizationId },
    select: subjectSettingsSelect,
  });
}

/**
 * Sets the prefix of the record numbers Add subject assigns (numbers already given keep theirs)
 * and the order in which the clinic writes dates (05/06/1984 is May 6 or June 5), which search,
 * Add subject and imports read ambiguous dates of birth by.
 */
export async function updateSubjectSettings({
  viewer,
  ...settings
}: SubjectSettingsInput & { viewer: Viewer }) {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators change settings");
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: viewer.organizationId },
      select: subjectSettingsSelect,
    });
    const after = await tx.organization.update({
      where: { id: viewer.organizationId },
      data: settings,
      select: { id: true, ...subjectSettingsSelect },
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "organization.update",
      targetType: "organization",
      targetId: after.id,
      details: { changed: changedFieldNames(before, after, ["subjectRecordPrefix", "dateOrder"]) },
    });
    return after;
  });
}
