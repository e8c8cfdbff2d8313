import { readFileSync } from "node:fs";

import { expect, test } from "./fixtures";
import { type AppInstance, e2eAppLogPath } from "./support/environment";

// The e2e servers are the production server (server.ts, as `npm start` runs it). Its direct route
// and the App Router route give Zoom the same answers, so only the server's log shows that the
// webhook is registered to skip Next.js's request pipeline (lib/server/direct-routes.ts).

function registeredRoutes(instance: AppInstance): unknown[] {
  return readFileSync(e2eAppLogPath(instance), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { event?: unknown; route?: unknown })
    .filter((entry) => entry.event === "server.direct_route_registered")
    .map((entry) => entry.route);
}

test("both app servers answer Zoom's webhook deliveries before Next.js", async ({ request }) => {
  expect((await request.get("/api/health")).ok()).toBe(true); // Next.js has prepared by now
  for (const instance of [1, 2] as const)
    expect(registeredRoutes(instance), `app server ${instance}`).toEqual([
      "POST /api/zoom/webhook",
    ]);
});
