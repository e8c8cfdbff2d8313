import { z } from "zod";

import { type Emulator } from "../emulator";
import { sendJson } from "../http/responses";
import { route, type Route } from "../http/router";
import { readControlBody } from "./control-http";

// POST /_emulator/faults queues failures for matching requests; DELETE clears them all.

const faultBodySchema = z.object({
  method: z
    .string()
    .transform((method) => method.toUpperCase())
    .optional(),
  pathPrefix: z.string().startsWith("/"),
  status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503)]),
  count: z.number().int().min(1).default(1),
  retryAfterSeconds: z.number().positive().optional(),
  kind: z.enum(["qps", "daily"]).default("qps"),
});

export function faultControlRoutes(emulator: Emulator): Route[] {
  return [
    route("POST", "/_emulator/faults", async (context) => {
      const body = await readControlBody(context, faultBodySchema);
      if (!body) return;
      emulator.state.faults.push({
        method: body.method ?? null,
        pathPrefix: body.pathPrefix,
        status: body.status,
        remaining: body.count,
        retryAfterSeconds: body.retryAfterSeconds ?? null,
        kind: body.kind,
      });
      emulator.changed();
      sendJson(context.res, 201, { faults: emulator.state.faults });
    }),
    route("DELETE", "/_emulator/faults", (context) => {
      emulator.state.faults = [];
      emulator.changed();
      sendJson(context.res, 200, { faults: [] });
    }),
  ];
}
