import "server-only";

import { Prisma } from "@/generated/prisma/client";

/** The trivial query whose answer says the database is there. */
export const DATABASE_PROBE_SQL = Prisma.sql`SELECT 1`;
