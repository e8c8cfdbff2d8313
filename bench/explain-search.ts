// Prints EXPLAIN ANALYZE of the subject search for each kind of query, on DATABASE_URL (the
// 1M-subject seed: `npm run db:seed -- --subjects 1000000`). Run: npx tsx --conditions=react-server bench/explain-search.ts
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/db";
import { subjectSearchParamsSchema } from "@/lib/subjects/schemas";
import { searchPartsFor } from "@/lib/subjects/search-parts.sql";
import { buildSearchSql, type SearchAudit } from "@/lib/subjects/search-subjects.sql";

const QUERIES = [
  "RFC-0123456",
  "RFC-01234",
  "lopez",
  "maria lopez",
  "maria lopze",
  "smtih",
  "1984-05-17",
  "05/17/84",
  "May 17 1984",
  "05/06/1984",
  "rfc1",
  "0000001",
  "maria.lopez12",
  "(555) 124-0124",
  "",
];

/** Carries a plan out of a transaction that must not commit. */
class RolledBack extends Error {}

async function main() {
  const organization = await db.organization.findFirstOrThrow({
    where: { slug: "riverside" },
    select: { id: true },
  });
  for (const q of QUERIES) {
    const params = subjectSearchParamsSchema.parse({ q });
    // The statement the app runs, audit row included; rolled back, so the database keeps no row.
    const audit = {
      entry: {
        actor: null,
        organizationId: organization.id,
        action: "subject.search",
        targetType: "subject",
        details: { page: params.page, hasQuery: q.length > 0, isCorrected: false },
      },
      shouldWaitForCorrection: false,
    } satisfies SearchAudit;
    const sql = buildSearchSql(searchPartsFor(q, organization.id), params, organization.id, audit);
    const plan = await db
      .$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(
          Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        );
        throw new RolledBack(rows.map((row) => row["QUERY PLAN"]).join("\n"));
      })
      .catch((error: unknown) => {
        if (error instanceof RolledBack) return error.message;
        throw error;
      });
    console.log(`\n=== ${JSON.stringify(q)}`);
    console.log(plan);
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
