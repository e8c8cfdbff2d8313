import type { Db } from "@/lib/db/db-client";

import { FIRST_NAMES, LAST_NAMES } from "./demo-names";
import { DEMO_RECORD_PREFIX } from "./seed";

const BULK_BATCH = 100_000;

/**
 * Adds `count` subjects to the demo clinic for benchmarks, generated inside PostgreSQL
 * (INSERT … SELECT generate_series) in batches, so a million takes seconds, not minutes.
 */
export async function seedBulkSubjects(
  db: Db,
  organizationId: string,
  count: number,
  onProgress?: (done: number) => void,
) {
  const last = await db.subject.findFirst({
    where: { organizationId, recordNumber: { startsWith: DEMO_RECORD_PREFIX } },
    orderBy: { recordNumber: "desc" },
    select: { recordNumber: true },
  });
  let next = Number(last?.recordNumber.slice(DEMO_RECORD_PREFIX.length) ?? 0) + 1;
  let done = 0;
  while (done < count) {
    const size = Math.min(BULK_BATCH, count - done);
    await db.$executeRaw`
      INSERT INTO "Subject" ("id", "organizationId", "recordNumber", "firstName", "lastName", "dateOfBirth",
                             "email", "phone", "phoneDigits", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${organizationId}::uuid,
             ${DEMO_RECORD_PREFIX} || lpad(n::text, 7, '0'),
             f.name, l.name,
             DATE '1930-01-01' + ((n::bigint * 7919) % 32000)::int,
             lower(f.name || '.' || l.name || n || '@example.com'),
             '(555) ' || lpad(((n * 31) % 1000)::text, 3, '0') || '-' || lpad((n % 10000)::text, 4, '0'),
             '555' || lpad(((n * 31) % 1000)::text, 3, '0') || lpad((n % 10000)::text, 4, '0'),
             now(), now()
      FROM generate_series(${next}::int, ${next + size - 1}::int) AS n
      CROSS JOIN LATERAL (SELECT (${FIRST_NAMES}::text[])[1 + (n * 37) % ${FIRST_NAMES.length}] AS name) f
      CROSS JOIN LATERAL (SELECT (${LAST_NAMES}::text[])[1 + (n * 53 + n / 97) % ${LAST_NAMES.length}] AS name) l`;
    next += size;
    done += size;
    onProgress?.(done);
  }
  await db.$executeRawUnsafe(`ANALYZE "Subject"`);
}
