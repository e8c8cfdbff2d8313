import { AlertTriangle } from "lucide-react";

import { deriveBoardState, isLongWait, type BoardStateKind } from "@/components/today/board-state";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { IntentLink } from "@/components/ui/intent-link";
import { Td } from "@/components/ui/table";
import { type UndoNoShowAction, UndoNoShowForm } from "@/components/today/undo-no-show-form";
import { DeviceCheckLine } from "@/components/visits/device-check-line";
import { JoinMeetingLink } from "@/components/visits/join-meeting-link";
import { PatientPresence } from "@/generated/prisma/enums";
import { formatTime } from "@/lib/format";
import { GUEST_RELATIONSHIP_LABELS } from "@/lib/guests/types";
import type { BoardRow } from "@/lib/today/types";
import { cn } from "@/lib/utils";
import { deriveVisitPhase } from "@/lib/visits/visit-phase";

const TONES: Record<BoardStateKind, BadgeTone> = {
  not_joined: "neutral",
  waiting: "amber",
  in_meeting: "green",
  left: "neutral",
  ended: "neutral",
  no_show: "red",
  cancelled: "red",
};

const JOINABLE: BoardStateKind[] = ["not_joined", "waiting", "in_meeting", "left"];

export type BoardRowProps = {
  row: BoardRow;
  now: Date;
  timeZone: string;
  thresholdMinutes: number;
  isReadOnly: boolean;
  undoNoShow: UndoNoShowAction;
};

function attendance(row: BoardRow, timeZone: string): string {
  const patient =
    row.patientPresence === PatientPresence.NOT_JOINED ? "Patient never joined" : "Patient joined";
  const provider = row.providerJoinedAt
    ? `provider joined at ${formatTime(new Date(row.providerJoinedAt), timeZone)}`
    : "provider never joined";
  return `${patient} · ${provider}`;
}

/** One visit on the Today board. A long wait is marked by words and an icon, not colour alone. */
export function BoardRowView(props: BoardRowProps) {
  const { row, now, timeZone, thresholdMinutes, isReadOnly, undoNoShow } = props;
  const state = deriveBoardState(row, now);
  const isLong = isLongWait(row, now, thresholdMinutes);
  return (
    <tr className={cn(isLong && "bg-amber-50")} data-visit-id={row.visitId}>
      <Td className="whitespace-nowrap">{formatTime(new Date(row.scheduledStart), timeZone)}</Td>
      <Td>
        {/* Prefetched on intent, not on sight: a board shows up to 200 subjects. */}
        <IntentLink href={`/subjects/${row.subject.id}/video`} className="font-medium underline">
          {row.subject.name}
        </IntentLink>
        <div className="text-xs text-slate-700">Record {row.subject.recordNumber}</div>
        <DeviceCheckLine
          check={
            row.deviceCheck
              ? { ...row.deviceCheck, checkedAt: new Date(row.deviceCheck.checkedAt) }
              : null
          }
          phase={deriveVisitPhase(row, now)}
          timeZone={timeZone}
        />
      </Td>
      <Td>{row.provider.name}</Td>
      <Td>
        <Badge tone={TONES[state.kind]}>{state.label}</Badge>
        {isLong ? (
          <span className="ml-2 inline-flex items-center gap-1 text-xs font-semibold text-amber-950">
            <AlertTriangle aria-hidden className="size-3.5" />
            Waiting long
          </span>
        ) : null}
        {row.guests.map((guest) => (
          <div key={guest.id} className="mt-1 text-xs text-slate-800">
            {GUEST_RELATIONSHIP_LABELS[guest.relationship]}{" "}
            {guest.isInMeeting ? "in the meeting" : "waiting"}
          </div>
        ))}
      </Td>
      <Td>{row.isProviderPresent ? "Provider present" : "Provider not present"}</Td>
      <Td>
        {isReadOnly ? (
          <span className="text-xs text-slate-700">{attendance(row, timeZone)}</span>
        ) : JOINABLE.includes(state.kind) ? (
          <JoinMeetingLink visitId={row.visitId} isIconShared />
        ) : state.kind === "no_show" ? (
          <UndoNoShowForm visitId={row.visitId} action={undoNoShow} />
        ) : null}
      </Td>
    </tr>
  );
}
