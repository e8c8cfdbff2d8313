import { type Emulator } from "../emulator";
import { type RequestContext, route, type Route } from "../http/router";
import { sendEmpty, sendJson } from "../http/responses";
import { authenticateBearer, type Caller } from "./bearer-auth";
import { rateLimitCategory, rateLimitHeaders } from "./rate-limit";
import { INVALID_TOKEN, restError, type RestResponse } from "./rest-errors";

// Every /v2 route: bearer check, scope check, rate-limit headers, then the handler's
// `{status, body}` written as JSON (or no body for 204). Faults and `x-zm-trackingid` are added
// by the server for every path.

export interface RestCall {
  context: RequestContext;
  caller: Caller;
}

export interface RestRouteSpec {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  // Any one of these is enough (classic admin scopes and the granular ones).
  scopes: string[];
  handle(call: RestCall): Promise<RestResponse> | RestResponse;
}

export function sendRestResponse(context: RequestContext, response: RestResponse) {
  const headers = response.headers ?? {};
  if (response.body === undefined) return sendEmpty(context.res, response.status, headers);
  sendJson(context.res, response.status, response.body, headers);
}

async function runRestRoute(emulator: Emulator, spec: RestRouteSpec, context: RequestContext) {
  const caller = authenticateBearer(emulator, context.req);
  if (!caller) return sendRestResponse(context, INVALID_TOKEN);
  const rateHeaders = rateLimitHeaders(
    emulator,
    caller.account.id,
    rateLimitCategory(spec.method, context.url.pathname),
  );
  if (!spec.scopes.some((scope) => caller.scopes.includes(scope))) {
    const missing = restError(
      400,
      4711,
      `Invalid access token, does not contain scopes:[${spec.scopes.join(", ")}].`,
    );
    return sendRestResponse(context, { ...missing, headers: rateHeaders });
  }
  const response = await spec.handle({ context, caller });
  sendRestResponse(context, { ...response, headers: { ...rateHeaders, ...response.headers } });
}

export function restRoute(emulator: Emulator, spec: RestRouteSpec): Route {
  return route(spec.method, spec.path, (context) => runRestRoute(emulator, spec, context));
}
