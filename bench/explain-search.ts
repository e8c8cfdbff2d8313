// Prints EXPLAIN ANALYZE of the subject search for each kind of query, on DATABASE_URL (the
// 1M-subject seed: `npm run db:seed -- --subjects 1000000`). Run: npx tsx --conditions=react-server bench/explain-search.ts
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { subjectSearchParamsSchema } from "@/lib/subjects/schemas";
import { buildSearchSql, searchPartsFor } from "@/lib/subjects/search-subjects";

const QUERIES = [
  "RFC-0123456",
  "RFC-01234",
  "lopez",
  "maria lopez",
  "maria lopze",
  "1984-05-17",
  "maria.lopez12",
  "(555) 124-0124",
  "",
];

async function main() {
  const organization = await db.organization.findFirstOrThrow({
    where: { slug: "riverside" },
    select: { id: true },
  });
  for (const q of QUERIES) {
    const params = subjectSearchParamsSchema.parse({ q });
    const sql = buildSearchSql(searchPartsFor(q), params, organization.id);
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
    );
    console.log(`\n=== ${JSON.stringify(q)}`);
    console.log(plan.map((row) => row["QUERY PLAN"]).join("\n"));
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
