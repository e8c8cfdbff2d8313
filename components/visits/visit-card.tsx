import type { ReactNode } from "react";

import { AttendanceList, type AttendanceItem } from "@/components/visits/attendance-list";
import { DeviceCheckLine } from "@/components/visits/device-check-line";
import { VisitPhaseBadge } from "@/components/visits/visit-phase-badge";
import { formatDateTime } from "@/lib/format";
import type { DeviceCheckSummary } from "@/lib/visits/device-check/types";
import type { VisitPhase } from "@/lib/visits/visit-phase";

export type VisitCardData = {
  id: string;
  scheduledStart: Date;
  durationMinutes: number;
  provider: { firstName: string; lastName: string };
  attendances: AttendanceItem[];
  /** The patient's latest device check; left out where it is not shown. */
  deviceCheck?: DeviceCheckSummary | null;
};

type VisitCardProps = {
  visit: VisitCardData;
  /** The visit's phase now (deriveVisitPhase); the badge says it unless `presence` does. */
  phase: VisitPhase;
  timeZone: string;
  /** Who is there right now (live for visits that can be joined); it shows the phase too. */
  presence?: ReactNode;
  actions?: ReactNode;
  /** The visit's invitations and reminders, and what became of them. */
  messages?: ReactNode;
};

/** One visit on the Video Conferencing page: when, who, phase, presence, attendance, messages, and actions. */
export function VisitCard({ visit, phase, timeZone, presence, actions, messages }: VisitCardProps) {
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
          {visit.deviceCheck !== undefined ? (
            <DeviceCheckLine check={visit.deviceCheck} phase={phase} timeZone={timeZone} />
          ) : null}
        </div>
        {presence ? null : <VisitPhaseBadge phase={phase} />}
      </div>
      {presence ? <div className="mt-3">{presence}</div> : null}
      {visit.attendances.length > 0 ? (
        <details className="mt-3" open={Boolean(presence)}>
          <summary className="cursor-pointer text-sm font-semibold text-slate-800">
            Attendance
          </summary>
          <div className="mt-2">
            <AttendanceList items={visit.attendances} timeZone={timeZone} />
          </div>
        </details>
      ) : null}
      {messages}
      {actions ? <div className="mt-4">{actions}</div> : null}
    </article>
  );
}
