import "server-only";

import { Role } from "@/generated/prisma/enums";
import { changedFieldNames } from "@/lib/audit/changed-fields";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import type { OrganizationSettingsInput } from "@/lib/organizations/schemas";

const organizationSelect = { id: true, name: true, timeZone: true } as const;

export async function getOrganizationOverview({ viewer }: { viewer: Viewer }) {
  const [organization, roleCounts, subjectCount, zoom] = await Promise.all([
    db.organization.findUnique({
      where: { id: viewer.organizationId },
      select: organizationSelect,
    }),
    db.user.groupBy({
      by: ["role"],
      where: { organizationId: viewer.organizationId, isActive: true },
      _count: { _all: true },
    }),
    db.subject.count({ where: { organizationId: viewer.organizationId } }),
    db.zoomConnection.findUnique({
      where: { organizationId: viewer.organizationId },
      select: { status: true },
    }),
  ]);
  if (!organization) throw new AppError("not_found", "Organization not found");
  const usersByRole = Object.fromEntries(roleCounts.map((row) => [row.role, row._count._all]));
  return { organization, usersByRole, subjectCount, zoomStatus: zoom?.status ?? null };
}

export type UpdateOrganizationSettingsOptions = OrganizationSettingsInput & { viewer: Viewer };

export async function updateOrganizationSettings({
  viewer,
  name,
  timeZone,
}: UpdateOrganizationSettingsOptions) {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators change settings");
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: viewer.organizationId },
      select: organizationSelect,
    });
    const after = await tx.organization.update({
      where: { id: viewer.organizationId },
      data: { name, timeZone },
      select: organizationSelect,
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "organization.update",
      targetType: "organization",
      targetId: after.id,
      details: { changed: changedFieldNames(before, after, ["name", "timeZone"]) },
    });
    return after;
  });
}
