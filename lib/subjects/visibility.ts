import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";

/** The subjects a viewer may see: their organization's for staff, their own record for a patient. */
export function subjectsVisibleTo(viewer: Viewer): Prisma.SubjectWhereInput {
  if (viewer.role === Role.PATIENT)
    return { organizationId: viewer.organizationId, userId: viewer.id };
  return { organizationId: viewer.organizationId };
}
