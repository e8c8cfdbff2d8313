import { Prisma } from "@/generated/prisma/client";

/** The highest number after `prefix` among the clinic's record numbers of `prefix` + `digits` digits. */
export const buildHighestRecordNumberSql = (
  organizationId: string,
  prefix: string,
  digits: number,
) => Prisma.sql`
  SELECT max(substr("recordNumber", ${prefix.length + 1})::int) AS n FROM "Subject"
  WHERE "organizationId" = ${organizationId}::uuid
    AND length("recordNumber") = ${prefix.length + digits}
    AND starts_with("recordNumber", ${prefix})
    AND substr("recordNumber", ${prefix.length + 1}) ~ '^[0-9]+$'`;
