import type { Metadata } from "next";

import { NoShowChart } from "@/components/reports/no-show-chart";
import { NoShowTable } from "@/components/reports/no-show-table";
import { ReportFiltersForm } from "@/components/reports/report-filters-form";
import { ReportSummary } from "@/components/reports/report-summary";
import { WaitByDayChart } from "@/components/reports/wait-by-day-chart";
import { WaitByDayTable } from "@/components/reports/wait-by-day-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { getVisitReport } from "@/lib/reports/get-visit-report";
import { listReportProviders } from "@/lib/reports/list-report-providers";
import { parseReportFilters, type ReportFilters } from "@/lib/reports/report-filters";

export const metadata: Metadata = { title: "Reports" };

type ReportsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? "";

function csvHref(filters: ReportFilters): string {
  const query = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.providerId) query.set("providerId", filters.providerId);
  return `/api/reports/attendance.csv?${query.toString()}`;
}

export default async function ReportsPage({ searchParams }: ReportsPageProps) {
  const viewer = await requireRole(Role.ADMIN);
  const query = await searchParams;
  const providers = await listReportProviders({ viewer });
  const parsed = parseReportFilters(query, { timeZone: viewer.timeZone, now: new Date() });
  const header = (
    <PageHeader
      title="Visit report"
      description={`Visits by scheduled day, in the clinic's time zone (${viewer.timeZone}).`}
    />
  );
  if (!parsed.success) {
    return (
      <>
        {header}
        <ReportFiltersForm
          from={text(query.from)}
          to={text(query.to)}
          providerId={text(query.providerId)}
          providers={providers}
          fieldErrors={parsed.fields}
        />
        <Alert tone="error" title="The report cannot be shown">
          {parsed.message}.
        </Alert>
      </>
    );
  }
  const { filters } = parsed;
  const form = (fieldErrors?: Record<string, string[]>) => (
    <ReportFiltersForm
      from={filters.from}
      to={filters.to}
      providerId={filters.providerId ?? ""}
      providers={providers}
      fieldErrors={fieldErrors}
    />
  );
  const report = await getVisitReport({ viewer, filters }).catch((error: unknown) => {
    if (isAppError(error, "bad_request")) return error;
    throw error;
  });
  if (isAppError(report)) {
    return (
      <>
        {header}
        {form(report.extra.fields)}
        <Alert tone="error" title="The report cannot be shown">
          {report.publicMessage}.
        </Alert>
      </>
    );
  }
  return (
    <>
      {header}
      {form()}
      <ReportSummary summary={report.summary} />
      <div className="mb-8 grid gap-6">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Wait for the provider</h2>
          <WaitByDayChart days={report.waitByDay} />
          <div className="mt-4">
            <WaitByDayTable days={report.waitByDay} />
          </div>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">No-shows by provider</h2>
          <NoShowChart providers={report.noShowsByProvider} />
          <div className="mt-4">
            <NoShowTable providers={report.noShowsByProvider} />
          </div>
        </Card>
      </div>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Attendance log</h2>
        <p className="mb-4 text-sm text-slate-700">
          Every person&apos;s stays in the visits above, one row each. Downloads are recorded in the
          audit trail.
        </p>
        <a href={csvHref(filters)} download className={buttonClasses("secondary")}>
          Download attendance (CSV)
        </a>
      </Card>
    </>
  );
}
