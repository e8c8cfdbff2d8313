import "server-only";

import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { fullName } from "@/lib/format";

const PROVIDERS_SHOWN = 200;

/** Who can host a visit: the organization's active care team members and administrators. */
export async function listVisitProviders({ viewer }: { viewer: Viewer }) {
  const providers = await db.user.findMany({
    where: {
      organizationId: viewer.organizationId,
      isActive: true,
      role: { in: [Role.CARE_TEAM, Role.ADMIN] },
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: PROVIDERS_SHOWN,
    select: { id: true, firstName: true, lastName: true },
  });
  return providers.map((provider) => ({
    id: provider.id,
    name: fullName(provider),
  }));
}
