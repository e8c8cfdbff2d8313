import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

import { errorFields, log } from "@/lib/log";
import { SECURITY_HEADERS } from "@/lib/server/security-headers";

// Routes the production server (server.ts) answers itself, on Node's request and response, before
// Next.js's request pipeline: for Zoom's webhook deliveries that pipeline cost more CPU than the
// work itself and capped throughput. Handlers are registered from instrumentation.ts, inside
// Next.js's server bundle where the app's modules live, and looked up here by the server, which
// shares nothing else with the bundle; hence a process-wide registry. Next.js runs instrumentation
// when it first prepares to answer (its first request); until then, and under `next dev` and
// `next start`, the App Router route at the same path answers, calling the same function, so both
// give the same answers.

export type DirectRouteHandler = (
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<void>;

type Registry = Map<string, DirectRouteHandler>;

const REGISTRY = Symbol.for("carevisit.directRoutes");

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  return (holder[REGISTRY] ??= new Map<string, DirectRouteHandler>());
}

const keyOf = (method: string, path: string) => `${method} ${path}`;

export function registerDirectRoute(method: "POST", path: string, handler: DirectRouteHandler) {
  const route = keyOf(method, path);
  registry().set(route, handler);
  log.info("server.direct_route_registered", { route });
}

/** The handler registered for the request's method and exact path (the query aside), if any. */
export function findDirectRoute(request: IncomingMessage): DirectRouteHandler | undefined {
  const { method, url } = request;
  if (!method || !url) return undefined;
  const queryAt = url.indexOf("?");
  return registry().get(keyOf(method, queryAt === -1 ? url : url.slice(0, queryAt)));
}

/** What a handler that failed without answering still owes its caller: a 500, or a cut connection. */
function answerUnhandledFailure(response: ServerResponse, error: unknown) {
  log.error("server.direct_route_failed", errorFields(error));
  if (response.headersSent) return void response.destroy();
  response.writeHead(500, { ...SECURITY_HEADERS, "Content-Type": "application/json" });
  response.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong" } }));
}

/** A request listener that answers registered routes itself and hands the rest to `fallback`. */
export function withDirectRoutes(fallback: RequestListener): RequestListener {
  return (request, response) => {
    const direct = findDirectRoute(request);
    if (direct)
      direct(request, response).catch((error: unknown) => answerUnhandledFailure(response, error));
    else fallback(request, response);
  };
}
