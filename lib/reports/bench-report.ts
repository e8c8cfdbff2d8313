// The visit report at 100,000 visits: seeds a clinic with a year of visits and their attendance
// (plus a second clinic's 20,000, which must not count), then times getVisitReport and prints
// the plan. Run against a scratch database only:
//
//   createdb -h 127.0.0.1 -U postgres cv_report_bench
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/cv_report_bench npm run db:migrate
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/cv_report_bench \
//   AUTH_SECRET=bench-only-secret-bench-only-secret TOKEN_ENCRYPTION_KEY=$(openssl rand -base64 32) \
//     npx tsx --conditions=react-server lib/reports/bench-report.ts [--export] [--explain]
import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { exportAttendanceCsv } from "@/lib/reports/export-attendance-csv";
import { buildVisitReportSql, getVisitReport } from "@/lib/reports/get-visit-report";
import { parseReportFilters, type ReportFilters } from "@/lib/reports/report-filters";
import { buildReportScope } from "@/lib/reports/report-scope";
import { createOrganization, createUser } from "@/prisma/factories";
import { seedBulkSubjects, seedVisitHistory } from "@/prisma/seed";

const BENCH_SLUG = "report-bench";
const VISITS = 100_000;
const NOISE_VISITS = 20_000;
const PROVIDERS = 12;
const SUBJECTS = 20_000;
const RUNS = 7;

async function seedClinic(slug: string, visits: number, now: Date) {
  const organization = await createOrganization(db, { name: `Bench ${slug}`, slug });
  const organizationId = organization.id;
  const admin = await createUser(db, { organizationId, role: Role.ADMIN });
  const providers = [];
  for (let i = 0; i < PROVIDERS; i++)
    providers.push(await createUser(db, { organizationId, role: Role.CARE_TEAM }));
  await seedBulkSubjects(db, organizationId, SUBJECTS);
  const subjects = await db.subject.findMany({
    where: { organizationId },
    take: SUBJECTS,
    select: { id: true },
  });
  await seedVisitHistory(db, {
    organizationId,
    providerIds: providers.map((provider) => provider.id),
    subjectIds: subjects.map((subject) => subject.id),
    count: visits,
    days: 365,
    now,
  });
  return { admin, providers };
}

async function benchViewer(now: Date): Promise<{ viewer: Viewer; providerId: string }> {
  let organization = await db.organization.findUnique({
    where: { slug: BENCH_SLUG },
    select: { id: true },
  });
  if (!organization) {
    const started = performance.now();
    await seedClinic(BENCH_SLUG, VISITS, now);
    await seedClinic(`${BENCH_SLUG}-noise`, NOISE_VISITS, now);
    console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    organization = await db.organization.findUniqueOrThrow({
      where: { slug: BENCH_SLUG },
      select: { id: true },
    });
  }
  const admin = await db.user.findFirstOrThrow({
    where: { organizationId: organization.id, role: Role.ADMIN },
    select: {
      id: true,
      role: true,
      organizationId: true,
      firstName: true,
      lastName: true,
      email: true,
    },
  });
  const provider = await db.user.findFirstOrThrow({
    where: { organizationId: organization.id, role: Role.CARE_TEAM },
    select: { id: true },
  });
  return {
    viewer: { ...admin, timeZone: "America/New_York", subjectId: null, ip: "127.0.0.1" },
    providerId: provider.id,
  };
}

function filtersFor(query: Record<string, string>, now: Date): ReportFilters {
  const parsed = parseReportFilters(query, { timeZone: "America/New_York", now });
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.filters;
}

async function time(label: string, viewer: Viewer, filters: ReportFilters, now: Date) {
  const timings: number[] = [];
  let scheduled = 0;
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const report = await getVisitReport({ viewer, filters, now });
    if (run > 0) timings.push(performance.now() - started); // run 0 warms the cache
    scheduled = report.summary.scheduled;
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)] ?? 0;
  const worst = timings.at(-1) ?? 0;
  console.log(
    `${label}: ${scheduled.toLocaleString("en-US")} visits, median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms`,
  );
}

/** Reads a year's attendance export to the end, as a slow client would, and reports memory. */
async function timeExport(viewer: Viewer, filters: ReportFilters) {
  const startRss = process.memoryUsage().rss;
  const started = performance.now();
  const { stream } = await exportAttendanceCsv({ viewer, filters });
  const reader = stream.getReader();
  let bytes = 0;
  let peakRss = process.memoryUsage().rss;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Attendance CSV, 365 days: ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s, RSS ${(startRss / 1e6).toFixed(0)} MB before, peak ${(peakRss / 1e6).toFixed(0)} MB`,
  );
}

async function explain(viewer: Viewer, filters: ReportFilters, now: Date) {
  const query = buildVisitReportSql(await buildReportScope(viewer, filters), filters, now);
  const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`,
    ...query.values,
  );
  console.log(rows.map((row) => row["QUERY PLAN"]).join("\n"));
}

async function main() {
  const host = new URL(env.DATABASE_URL).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host))
    throw new Error("The report benchmark seeds data: run it on a local scratch database only.");
  const now = new Date();
  const { viewer, providerId } = await benchViewer(now);
  const lastMonth = filtersFor({ from: "", to: "" }, now);
  const yearRange = filtersFor(
    { from: new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10) },
    now,
  );
  await time("Last 30 days, all providers", viewer, lastMonth, now);
  await time("Last 365 days, all providers", viewer, yearRange, now);
  await time("Last 365 days, one provider", viewer, { ...yearRange, providerId }, now);
  if (process.argv.includes("--export")) await timeExport(viewer, yearRange);
  if (process.argv.includes("--explain")) await explain(viewer, yearRange, now);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
