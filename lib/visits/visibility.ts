import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";

/** The visits a viewer may see: their organization's for staff, their own for a patient. */
export function visitsVisibleTo(viewer: Viewer): Prisma.VisitWhereInput {
  if (viewer.role === Role.PATIENT) {
    return { organizationId: viewer.organizationId, subject: { userId: viewer.id } };
  }
  return { organizationId: viewer.organizationId };
}
