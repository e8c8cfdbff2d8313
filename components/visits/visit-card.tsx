import type { ReactNode } from "react";

import { AttendanceList, type AttendanceItem } from "@/components/visits/attendance-list";
import { VisitPresence } from "@/components/visits/presence";
import { VisitStatusBadge } from "@/components/visits/visit-status-badge";
import type { PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import { formatDateTime } from "@/lib/format";

export type VisitCardData = {
  id: string;
  scheduledStart: Date;
  durationMinutes: number;
  status: VisitStatus;
  patientPresence: PatientPresence;
  isProviderPresent: boolean;
  provider: { firstName: string; lastName: string };
  attendances: AttendanceItem[];
};

type VisitCardProps = {
  visit: VisitCardData;
  timeZone: string;
  showPresence: boolean;
  actions?: ReactNode;
};

/** One visit on the Video Conferencing page: when, who, status, presence, attendance, and actions. */
export function VisitCard({ visit, timeZone, showPresence, actions }: VisitCardProps) {
  return (
    <article
      aria-labelledby={`visit-${visit.id}`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id={`visit-${visit.id}`} className="font-semibold">
            {formatDateTime(visit.scheduledStart, timeZone)}
          </h3>
          <p className="text-sm text-slate-700">
            {visit.durationMinutes} minutes with {visit.provider.firstName}{" "}
            {visit.provider.lastName}
          </p>
        </div>
        <VisitStatusBadge status={visit.status} />
      </div>
      {showPresence ? (
        <div className="mt-3">
          <VisitPresence
            patientPresence={visit.patientPresence}
            isProviderPresent={visit.isProviderPresent}
          />
        </div>
      ) : null}
      {visit.attendances.length > 0 || showPresence ? (
        <details className="mt-3" open={showPresence}>
          <summary className="cursor-pointer text-sm font-semibold text-slate-800">
            Attendance
          </summary>
          <div className="mt-2">
            <AttendanceList items={visit.attendances} timeZone={timeZone} />
          </div>
        </details>
      ) : null}
      {actions ? <div className="mt-4">{actions}</div> : null}
    </article>
  );
}
