// npm start: the production server. Next.js answers every request except the routes registered in
// lib/direct-routes.ts (Zoom's webhook deliveries), which this server answers before Next.js's
// request pipeline. Options as `next start`: --port/-p (or PORT; default 3000) and --hostname/-H
// (default: all interfaces).
import http from "node:http";
import { parseArgs } from "node:util";

import next from "next";

import { withDirectRoutes } from "@/lib/direct-routes";
import { env, portSchema } from "@/lib/env";
import { log } from "@/lib/log";

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p" },
      hostname: { type: "string", short: "H" },
    },
  });
  const port = values.port === undefined ? env.PORT : portSchema.safeParse(values.port).data;
  if (port === undefined) throw new Error(`--port must be a port number, not "${values.port}"`);

  const app = next({ dev: false, hostname: values.hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer(
    withDirectRoutes((request, response) => void handle(request, response)),
  );
  await new Promise<void>((resolve) => server.listen(port, values.hostname, resolve));
  log.info("server.listening", { hostname: values.hostname ?? "*", port });

  // As `next start`: stop accepting connections, let pending requests finish, close Next.js, exit
  // with the signal's code.
  const stop = (code: number) => () => {
    server.close(() => void app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
  };
  process.once("SIGTERM", stop(143));
  process.once("SIGINT", stop(130));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
