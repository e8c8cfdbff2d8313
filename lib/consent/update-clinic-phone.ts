import "server-only";

import { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import type { ClinicPhoneInput } from "@/lib/consent/schemas";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";

export type UpdateClinicPhoneOptions = ClinicPhoneInput & { viewer: Viewer };

/** The phone number patients see beside the consent (and can call if they do not agree). */
export async function updateClinicPhone({ viewer, phone }: UpdateClinicPhoneOptions) {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators change settings");
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.update({
      where: { id: viewer.organizationId },
      data: { phone },
      select: { id: true, phone: true },
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "organization.update",
      targetType: "organization",
      targetId: organization.id,
      details: { changed: ["phone"] },
    });
    return organization;
  });
}
