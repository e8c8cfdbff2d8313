// npm start: the production server. Next.js answers every request except the routes registered in
// lib/server/direct-routes.ts (Zoom's webhook deliveries), which this server answers before Next.js's
// request pipeline. Options as `next start`: --port/-p (or PORT; default 3000) and --hostname/-H
// (default, as `next start`: every interface; bind to 127.0.0.1 behind a reverse proxy on the same
// host, see the README's Security notes); run from the project's directory.
import http from "node:http";
import { parseArgs } from "node:util";

import { loadEnvConfig } from "@next/env";
import next from "next";

import { forwardedForOf } from "@/lib/auth/client-ip";
import { withDirectRoutes } from "@/lib/server/direct-routes";
import { parseEnv, portSchema } from "@/lib/env";
import { errorFields, log } from "@/lib/log";

async function main() {
  // As `next start`: production, and .env files read first (environment variables win). Then the
  // whole environment is checked, so that a bad one stops the start with every problem named.
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
  loadEnvConfig(process.cwd(), false);
  const config = parseEnv(process.env);
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p" },
      hostname: { type: "string", short: "H" },
    },
  });
  const port = values.port === undefined ? config.PORT : portSchema.safeParse(values.port).data;
  if (port === undefined) throw new Error(`--port must be a port number, not "${values.port}"`);

  const app = next({ dev: false, hostname: values.hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const answer = withDirectRoutes((request, response) => {
    handle(request, response).catch((error: unknown) =>
      log.error("server.request_failed", errorFields(error)),
    );
  });
  const server = http.createServer((request, response) => {
    // The client's address as the app reads it (lib/auth/client-ip.ts): the socket's, or what the
    // trusted proxies appended; never what the client wrote itself.
    request.headers["x-forwarded-for"] = forwardedForOf(
      request.headers["x-forwarded-for"],
      request.socket.remoteAddress,
      config.TRUSTED_PROXY_COUNT,
    );
    answer(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject); // e.g. the port is taken
    server.listen(port, values.hostname, resolve);
  });
  log.info("server.listening", { hostname: values.hostname ?? "all interfaces", port });

  // As `next start`: stop accepting connections, let pending requests finish, close Next.js, exit
  // with the signal's code. A repeated signal (Ctrl-C reaches us from npm as well) changes nothing.
  let isStopping = false;
  const stop = (code: number) => () => {
    if (isStopping) return;
    isStopping = true;
    server.close(() => void app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
  };
  process.on("SIGTERM", stop(143));
  process.on("SIGINT", stop(130));
}

main().catch((error: unknown) => {
  console.error(error); // not the JSON log: an invalid environment fails it too
  process.exit(1);
});
