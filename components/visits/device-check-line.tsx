import { type DeviceCheckStatus, NetworkQuality } from "@/generated/prisma/enums";
import { formatDateTime, formatDay, formatTime } from "@/lib/format";
import type { DeviceCheckSummary } from "@/lib/visits/device-check/types";
import { isClosedPhase, type VisitPhase } from "@/lib/visits/visit-phase";

type DeviceCheckLineProps = {
  check: DeviceCheckSummary | null;
  /** The visit's phase: "No device check yet" is said only while the visit is ahead. */
  phase: VisitPhase;
  timeZone: string;
};

const PROBLEMS: Record<
  "camera" | "microphone" | "speaker",
  Partial<Record<DeviceCheckStatus, string>>
> = {
  camera: {
    BLOCKED: "camera blocked",
    MISSING: "no camera",
    FAILED: "camera not working",
    SKIPPED: "camera not checked",
  },
  microphone: {
    BLOCKED: "microphone blocked",
    MISSING: "no microphone",
    FAILED: "microphone not heard",
    SKIPPED: "microphone not checked",
  },
  speaker: { FAILED: "sound not heard", SKIPPED: "speaker not checked" },
};

const NETWORK_PROBLEMS: Partial<Record<NetworkQuality, string>> = {
  [NetworkQuality.FAIR]: "connection fair",
  [NetworkQuality.POOR]: "slow connection",
  [NetworkQuality.OFFLINE]: "server not reached",
};

/** What needs attention, in words: "camera blocked, slow connection". */
function problemsOf(check: DeviceCheckSummary): string[] {
  const parts = (["camera", "microphone", "speaker"] as const).flatMap((part) => {
    const problem = PROBLEMS[part][check[part]];
    return problem ? [problem] : [];
  });
  const network = NETWORK_PROBLEMS[check.network];
  return network ? [...parts, network] : parts;
}

/** For the care team: the patient's latest device check on this visit ("Device check passed at 2:21 PM"). */
export function DeviceCheckLine({ check, phase, timeZone }: DeviceCheckLineProps) {
  const now = new Date();
  if (!check) {
    return !isClosedPhase(phase) ? (
      <p className="text-sm text-slate-700">No device check yet</p>
    ) : null;
  }
  const isToday = formatDay(check.checkedAt, timeZone) === formatDay(now, timeZone);
  const when = isToday
    ? formatTime(check.checkedAt, timeZone)
    : formatDateTime(check.checkedAt, timeZone);
  const problems = problemsOf(check);
  if (check.isPassed)
    return (
      <p className="text-sm font-medium text-green-800">
        <span aria-hidden>✓ </span>Device check passed at {when}
        {problems.length > 0 ? ` (${problems.join(", ")})` : null}
      </p>
    );
  return (
    <p className="text-sm font-medium text-red-800">
      <span aria-hidden>✗ </span>Device check at {when} needs attention: {problems.join(", ")}
    </p>
  );
}
