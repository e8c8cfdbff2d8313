import { type IncomingMessage, type ServerResponse } from "node:http";

import { type Emulator } from "../emulator";
import { newTrackingId } from "../ids";
import { faultResponse, takeFault } from "../rest/faults";
import { sendRestResponse } from "../rest/rest-route";
import { renderErrorPage } from "./html";
import { BodyTooLargeError } from "./request-body";
import { sendHtml, sendJson } from "./responses";
import { matchRoute, type Route } from "./router";

// Every request: tracking id, request log line, injected faults, routing, and a last-resort 500.

function isApiPath(path: string): boolean {
  return path.startsWith("/v2/") || path.startsWith("/oauth/");
}

// Log lines carry no personal data or capabilities: emails and web-client keys are masked.
function redactPath(path: string): string {
  return path
    .split("/")
    .map((segment, index, all) =>
      segment.includes("@") || all[index - 1] === "wc" ? ":redacted" : segment,
    )
    .join("/");
}

function sendNotFound(res: ServerResponse, path: string) {
  if (isApiPath(path)) return sendJson(res, 404, { code: 404, message: "Not found" });
  sendHtml(res, 404, renderErrorPage("Page not found", "The Zoom emulator has no page here."));
}

export async function dispatch(
  emulator: Emulator,
  routes: Route[],
  req: IncomingMessage,
  res: ServerResponse,
) {
  const startedAt = Date.now();
  const trackingId = newTrackingId("WEB");
  // Every Zoom response carries one (zoom-rest.md#errors).
  res.setHeader("x-zm-trackingid", trackingId);
  const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
  const method = req.method ?? "GET";
  res.on("finish", () => {
    emulator.log("http", {
      method,
      path: redactPath(rawPath),
      status: res.statusCode,
      ms: Date.now() - startedAt,
      trackingId,
    });
  });
  try {
    if (rawPath.startsWith("/v2/")) {
      emulator.state.stats.apiCalls += 1;
      emulator.changed();
    }
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const fault = isApiPath(rawPath) ? takeFault(emulator, method, rawPath) : null;
    if (fault)
      return sendRestResponse({ req, res, url, params: {} }, faultResponse(fault, method, rawPath));
    const match = matchRoute(routes, method, rawPath);
    if (!match) return sendNotFound(res, rawPath);
    await match.route.handler({ req, res, url, params: match.params });
  } catch (error) {
    if (res.headersSent) return;
    if (error instanceof BodyTooLargeError)
      return sendJson(res, 413, { code: 413, message: error.message });
    emulator.log("http.error", {
      path: redactPath(rawPath),
      error: error instanceof Error ? error.message : String(error),
    });
    sendJson(res, 500, { code: 500, message: "Internal error" });
  }
}
