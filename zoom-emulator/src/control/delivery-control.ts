import { z } from "zod";

import { type Emulator } from "../emulator";
import { sendJson } from "../http/responses";
import { route, type Route } from "../http/router";
import { validateEndpoint } from "../webhooks/url-validation";

// The delivery log (filterable by kind and event) and the URL-validation check.

const deliveryQuerySchema = z.object({
  kind: z.enum(["webhook", "epic"]).optional(),
  event: z.string().optional(),
});

export function deliveryControlRoutes(emulator: Emulator): Route[] {
  return [
    route("GET", "/_emulator/deliveries", (context) => {
      const query = deliveryQuerySchema.safeParse(Object.fromEntries(context.url.searchParams));
      const filter = query.success ? query.data : {};
      const deliveries = emulator.state.deliveries.filter(
        (delivery) =>
          (filter.kind === undefined || delivery.kind === filter.kind) &&
          (filter.event === undefined || delivery.event === filter.event),
      );
      sendJson(context.res, 200, deliveries);
    }),
    route("POST", "/_emulator/webhooks/validate", async (context) => {
      sendJson(context.res, 200, await validateEndpoint(emulator));
    }),
  ];
}
