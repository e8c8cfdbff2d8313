import { z } from "zod";

import { accountSchema } from "./account-schema";
import { jsonValueSchema } from "./json";
import { deliverySchema } from "./delivery-schema";
import { authCodeSchema, grantSchema, installationSchema } from "./grant-schema";
import { meetingSchema } from "./meeting-schema";
import { registrationSchema } from "./registration-schema";

// The whole emulator state. It is plain JSON so the state file can snapshot it as is.

export const STATE_VERSION = 1;

export const faultSchema = z.object({
  method: z.string().nullable(),
  pathPrefix: z.string(),
  status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503)]),
  remaining: z.number().int(),
  retryAfterSeconds: z.number().nullable(),
  kind: z.enum(["qps", "daily"]),
});
export type Fault = z.infer<typeof faultSchema>;

export const statsSchema = z.object({
  tokenRequests: z.object({ authorization_code: z.number(), refresh_token: z.number() }),
  refreshes: z.number(),
  invalidGrants: z.number(),
  revokes: z.number(),
  apiCalls: z.number(),
});

export const complianceCallSchema = z.object({ at: z.string(), body: jsonValueSchema });

export const emulatorStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  clockOffsetMs: z.number(),
  registration: registrationSchema,
  accounts: z.array(accountSchema),
  meetings: z.array(meetingSchema),
  authCodes: z.array(authCodeSchema),
  installations: z.array(installationSchema),
  grants: z.array(grantSchema),
  deliveries: z.array(deliverySchema),
  nextDeliveryId: z.number().int(),
  lastEventTs: z.number(),
  faults: z.array(faultSchema),
  // "{userId}:{yyyy-mm-dd}" → meeting create/update requests that UTC day.
  dailyMeetingWrites: z.record(z.string(), z.number()),
  stats: statsSchema,
  complianceCalls: z.array(complianceCallSchema),
  telehealthSessions: z.record(z.string(), z.number()),
});
export type EmulatorState = z.infer<typeof emulatorStateSchema>;
