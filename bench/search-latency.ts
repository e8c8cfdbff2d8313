// Subject search latency at the 1M-subject seed, in-process (the use case with its audit write),
// 8 concurrent callers. Run: DATABASE_URL=… npx tsx --conditions=react-server bench/search-latency.ts
import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { subjectSearchParamsSchema } from "@/lib/subjects/schemas";
import { searchSubjects } from "@/lib/subjects/search-subjects";

import { SEARCH_QUERIES } from "./lib/search-queries";

const CONCURRENCY = 8;
const PER_KIND = 400;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  const provider = await db.user.findFirstOrThrow({
    where: { role: Role.CARE_TEAM, organization: { slug: "riverside" } },
    select: {
      id: true,
      role: true,
      organizationId: true,
      firstName: true,
      lastName: true,
      email: true,
      organization: { select: { timeZone: true } },
    },
  });
  const viewer: Viewer = {
    ...provider,
    timeZone: provider.organization.timeZone,
    subjectId: null,
    ip: "127.0.0.1",
  };
  console.log(`Subjects: ${(await db.subject.count()).toLocaleString("en-US")}`);
  // One untimed pass first, so that every kind is measured with a warm cache.
  for (const pass of ["warm-up", "measured"]) {
    for (const [kind, query] of Object.entries(SEARCH_QUERIES)) {
      const timings: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < PER_KIND) {
            const i = next++;
            const started = performance.now();
            await searchSubjects({ ...subjectSearchParamsSchema.parse({ q: query(i) }), viewer });
            timings.push(performance.now() - started);
          }
        }),
      );
      if (pass === "warm-up") continue;
      timings.sort((a, b) => a - b);
      console.log(
        `${kind.padEnd(24)} p50 ${percentile(timings, 50).toFixed(1)} ms  p95 ${percentile(timings, 95).toFixed(1)} ms  p99 ${percentile(timings, 99).toFixed(1)} ms`,
      );
    }
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
