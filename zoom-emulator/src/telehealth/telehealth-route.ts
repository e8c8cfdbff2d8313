import { z } from "zod";

import { type Emulator } from "../emulator";
import { renderErrorPage } from "../http/html";
import { type RequestContext, route, type Route } from "../http/router";
import { redirect, sendHtml } from "../http/responses";
import { decryptTelehealthData } from "./telehealth-crypto";
import { launchTelehealth } from "./telehealth-launch";
import { parseTelehealthPlaintext } from "./telehealth-params";

// GET /telehealth?org_id={apiKey}&data={URL-encoded Base64}: the Epic-style launch URL
// (telehealth-urls.md#launch-url-and-plaintext). The emulator answers under any host name, standing
// in for applications.zoom.us and zoom.us. `data` is not repaired: a "+" sent unencoded arrives as
// a space and fails, as it should.

const launchQuerySchema = z.object({ org_id: z.string().min(1), data: z.string().min(1) });

async function handleLaunch(emulator: Emulator, context: RequestContext) {
  const { res } = context;
  const query = launchQuerySchema.safeParse(Object.fromEntries(context.url.searchParams));
  if (!query.success)
    return sendHtml(res, 400, renderErrorPage("Invalid link", "The link needs org_id and data."));
  const credentials = emulator.state.registration.telehealth;
  if (!credentials || credentials.apiKey !== query.data.org_id) {
    return sendHtml(res, 400, renderErrorPage("Invalid link", "Unknown org_id."));
  }
  const plaintext = decryptTelehealthData(query.data.data, credentials.apiSecret);
  const params = plaintext === null ? null : parseTelehealthPlaintext(plaintext);
  if (!params)
    return sendHtml(
      res,
      400,
      renderErrorPage("Invalid link", "The data parameter could not be decrypted."),
    );
  const result = await launchTelehealth(emulator, params);
  if (!result.isLaunched)
    return sendHtml(res, 409, renderErrorPage("Cannot start the visit", result.message));
  redirect(res, `/wc/${result.person.sessionKey}`, 303);
}

export function telehealthRoutes(emulator: Emulator): Route[] {
  return [route("GET", "/telehealth", (context) => handleLaunch(emulator, context))];
}
