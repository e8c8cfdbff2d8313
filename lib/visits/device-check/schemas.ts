import { z } from "zod";

import { DeviceCheckStatus } from "@/generated/prisma/enums";
import { BROWSER_FAMILIES, NETWORK_MAX_BYTES } from "@/lib/visits/device-check/constants";

const status = z.enum(DeviceCheckStatus, { message: "Unknown check result" });

const optionalWhole = (max: number) =>
  z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce.number().int().min(0).max(max).nullable(),
  );

/** A finished device check, posted by the patient's browser for one of their visits. */
export const recordDeviceCheckInputSchema = z.object({
  visitId: z.uuid({ message: "This visit cannot be found." }),
  camera: status,
  microphone: status,
  speaker: status,
  /** Median round trip to our server; empty when it could not be reached. */
  roundTripMs: optionalWhole(120_000),
  /** Download rate from our server; empty when it could not be reached. */
  downloadKbps: optionalWhole(10_000_000),
  browser: z.enum(BROWSER_FAMILIES).catch("other"),
});
export type RecordDeviceCheckInput = z.infer<typeof recordDeviceCheckInputSchema>;

/** `GET /api/device-check/network?bytes=`: how many random bytes to send back (0 for a round trip). */
export const networkProbeQuerySchema = z.object({
  bytes: z.coerce.number().int().min(0).max(NETWORK_MAX_BYTES).default(0),
});
