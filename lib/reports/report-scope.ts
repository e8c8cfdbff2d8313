import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import type { AuditEntry } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import type { ReportFilters } from "@/lib/reports/report-filters";

export const UNKNOWN_PROVIDER = "Unknown provider";

/** Reports and exports are for the clinic's administrators (product brief: "sees … the reports"). */
export function assertCanReport(viewer: Viewer): void {
  if (viewer.role !== Role.ADMIN) throw new AppError("forbidden", "Reports are for administrators");
}

/** The audit row of a report's read or export: the range and the provider chosen, ids only. */
export function reportAuditEntry(
  viewer: Viewer,
  action: "report.view" | "attendance.export",
  filters: ReportFilters,
): AuditEntry {
  return {
    actor: viewer,
    action,
    targetType: "organization",
    targetId: viewer.organizationId,
    details: { from: filters.from, to: filters.to, providerId: filters.providerId },
  };
}

/**
 * The SQL condition on `"Visit" v` for a report: the viewer's organization, visits scheduled in the
 * range and, when chosen, one provider of that organization. A provider id that is not a care team
 * member or administrator of the viewer's organization is refused as unknown (400), so another
 * clinic's user can neither be counted nor confirmed to exist.
 */
export async function buildReportScope(
  viewer: Viewer,
  filters: ReportFilters,
): Promise<Prisma.Sql> {
  assertCanReport(viewer);
  const conditions = [
    Prisma.sql`v."organizationId" = ${viewer.organizationId}::uuid`,
    Prisma.sql`v."scheduledStart" >= ${filters.start}::timestamp`,
    Prisma.sql`v."scheduledStart" < ${filters.end}::timestamp`,
  ];
  if (filters.providerId) {
    const provider = await db.user.findFirst({
      where: {
        id: filters.providerId,
        organizationId: viewer.organizationId,
        role: { in: [Role.CARE_TEAM, Role.ADMIN] },
      },
      select: { id: true },
    });
    if (!provider)
      throw new AppError("bad_request", UNKNOWN_PROVIDER, {
        fields: { providerId: [UNKNOWN_PROVIDER] },
      });
    conditions.push(Prisma.sql`v."providerId" = ${provider.id}::uuid`);
  }
  return Prisma.join(conditions, " AND ");
}
