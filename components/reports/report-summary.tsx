import { Card } from "@/components/ui/card";
import type { VisitReportSummary } from "@/lib/reports/types";

import { formatMinutes, formatPercent } from "./report-format";

/** The headline figures, each with what it counts. */
export function ReportSummary({ summary }: { summary: VisitReportSummary }) {
  const figures: { label: string; value: string; note: string }[] = [
    {
      label: "Scheduled",
      value: String(summary.scheduled),
      note: `${summary.pending} of them upcoming or in progress`,
    },
    { label: "Held", value: String(summary.held), note: "the patient joined" },
    {
      label: "No-shows",
      value: String(summary.noShows),
      note: `${formatPercent(summary.noShows, summary.held + summary.noShows)} of visits due`,
    },
    {
      label: "Cancelled",
      value: String(summary.cancelled),
      note: `${summary.pending} still to come`,
    },
    {
      label: "Median wait for the provider",
      value: formatMinutes(summary.medianWaitMinutes),
      note: `${summary.waitedVisits} visits where the patient was first`,
    },
    {
      label: "90th percentile wait",
      value: formatMinutes(summary.p90WaitMinutes),
      note: "9 in 10 waits were shorter",
    },
    {
      label: "Median visit length",
      value: formatMinutes(summary.medianDurationMinutes),
      note: `${summary.timedVisits} visits with a start and an end`,
    },
    {
      label: "Late starts",
      value: String(summary.lateStarts),
      note: `provider over 5 min late: ${formatPercent(summary.lateStarts, summary.providerJoinedVisits)} of ${summary.providerJoinedVisits} joined`,
    },
  ];
  return (
    <dl className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {figures.map((figure) => (
        <Card key={figure.label} as="div" className="p-4">
          <dt className="text-sm text-slate-600">{figure.label}</dt>
          <dd className="text-2xl font-bold">{figure.value}</dd>
          <dd className="text-xs text-slate-600">{figure.note}</dd>
        </Card>
      ))}
    </dl>
  );
}
