import type { DeviceCheckStatus, NetworkQuality } from "@/generated/prisma/enums";

/** The visit's latest device check, as the care team's pages show it (see deviceCheckSummarySelect). */
export type DeviceCheckSummary = {
  checkedAt: Date;
  isPassed: boolean;
  camera: DeviceCheckStatus;
  microphone: DeviceCheckStatus;
  speaker: DeviceCheckStatus;
  network: NetworkQuality;
  roundTripMs: number | null;
  downloadKbps: number | null;
};

/** What the patient's page gets back from saving a device check. */
export type DeviceCheckSaveResult =
  { status: "saved"; checkedAt: string; isPassed: boolean } | { status: "error"; message: string };
