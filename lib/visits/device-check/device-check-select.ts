import type { Prisma } from "@/generated/prisma/client";

/** The device check in a visit's list item (lib/visits/list-visits.ts), for the care team's pages. */
export const deviceCheckSummarySelect = {
  checkedAt: true,
  isPassed: true,
  camera: true,
  microphone: true,
  speaker: true,
  network: true,
  roundTripMs: true,
  downloadKbps: true,
} satisfies Prisma.VisitDeviceCheckSelect;
