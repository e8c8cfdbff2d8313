import { z } from "zod";

import { type Emulator } from "../emulator";
import { type RequestContext, route, type Route } from "../http/router";
import { readForm, readJson } from "../http/request-body";
import { sendJson } from "../http/responses";
import { isClientAuthenticated } from "./client-auth";
import { revokeToken } from "./grants";
import { sendInvalidClient, sendOAuthError } from "./oauth-errors";

// POST /oauth/revoke?token=… (zoom-oauth.md#revoke) and POST /oauth/data/compliance
// (zoom-oauth.md#data-compliance).

async function handleRevoke(emulator: Emulator, context: RequestContext) {
  const form = await readForm(context.req);
  if (!isClientAuthenticated(context.req, emulator.state.registration))
    return sendInvalidClient(context.res);
  const token = form.token ?? context.url.searchParams.get("token");
  if (!token) return sendOAuthError(context.res, "invalid_request", "Missing token");
  // An unknown token also answers success, as RFC 7009 asks: the caller's goal is met.
  revokeToken(emulator, token);
  emulator.state.stats.revokes += 1;
  emulator.changed();
  sendJson(context.res, 200, { status: "success" });
}

const complianceBodySchema = z.object({
  client_id: z.string().min(1),
  user_id: z.string().min(1),
  account_id: z.string().min(1),
  deauthorization_event_received: z.record(z.string(), z.json()),
  compliance_completed: z.boolean(),
});

async function handleCompliance(emulator: Emulator, context: RequestContext) {
  const body = await readJson(context.req);
  if (!isClientAuthenticated(context.req, emulator.state.registration))
    return sendInvalidClient(context.res);
  const parsed = body.isValid ? complianceBodySchema.safeParse(body.value) : null;
  if (!parsed?.success) {
    const reason = parsed ? z.prettifyError(parsed.error) : "Request body is not JSON";
    return sendOAuthError(context.res, "invalid_request", reason);
  }
  emulator.state.complianceCalls.push({
    at: new Date(emulator.now()).toISOString(),
    body: parsed.data,
  });
  emulator.changed();
  // The legacy docs give no response body; echoing the request keeps JSON-parsing callers happy.
  sendJson(context.res, 200, parsed.data);
}

export function revokeRoutes(emulator: Emulator): Route[] {
  return [
    route("POST", "/oauth/revoke", (context) => handleRevoke(emulator, context)),
    route("POST", "/oauth/data/compliance", (context) => handleCompliance(emulator, context)),
  ];
}
