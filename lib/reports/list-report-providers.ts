import "server-only";

import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { assertCanReport } from "@/lib/reports/report-scope";
import type { ReportProviderOption } from "@/lib/reports/types";
import { fullName } from "@/lib/format";

const PROVIDERS_SHOWN = 500;

/** Who can have hosted visits, deactivated people included: their history is still reported. */
export async function listReportProviders({
  viewer,
}: {
  viewer: Viewer;
}): Promise<ReportProviderOption[]> {
  assertCanReport(viewer);
  const providers = await db.user.findMany({
    where: { organizationId: viewer.organizationId, role: { in: [Role.CARE_TEAM, Role.ADMIN] } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: PROVIDERS_SHOWN,
    select: { id: true, firstName: true, lastName: true, isActive: true },
  });
  return providers.map((provider) => ({
    id: provider.id,
    name: `${fullName(provider)}${provider.isActive ? "" : " (inactive)"}`,
  }));
}
