import "server-only";

import { Prisma } from "@/generated/prisma/client";

/** The organization's row, locked for the rest of the transaction. */
export const buildLockOrganizationSql = (organizationId: string) => Prisma.sql`
  SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
