import { z } from "zod";

import { type Emulator } from "../emulator";
import { sendJson } from "../http/responses";
import { route, type Route } from "../http/router";
import { expireAccessTokens } from "../oauth/grants";
import { deauthorizeAccount } from "../webhooks/deauthorize";
import { readControlBody, sendControlError } from "./control-http";

// Time and token control: move the clock, expire access tokens, remove the app from an account.

const clockBodySchema = z.object({ advanceSeconds: z.number().finite() });
const expireBodySchema = z.object({ accountId: z.string().optional() });
const deauthorizeBodySchema = z.object({ accountId: z.string(), userDataRetention: z.boolean() });

export function authControlRoutes(emulator: Emulator): Route[] {
  return [
    route("POST", "/_emulator/clock", async (context) => {
      const body = await readControlBody(context, clockBodySchema);
      if (!body) return;
      emulator.state.clockOffsetMs += body.advanceSeconds * 1000;
      emulator.changed();
      sendJson(context.res, 200, {
        now: new Date(emulator.now()).toISOString(),
        offsetSeconds: emulator.state.clockOffsetMs / 1000,
      });
    }),
    route("POST", "/_emulator/tokens/expire", async (context) => {
      const body = await readControlBody(context, expireBodySchema);
      if (!body) return;
      sendJson(context.res, 200, { expired: expireAccessTokens(emulator, body.accountId) });
    }),
    route("POST", "/_emulator/deauthorize", async (context) => {
      const body = await readControlBody(context, deauthorizeBodySchema);
      if (!body) return;
      const delivery = await deauthorizeAccount(emulator, body.accountId, body.userDataRetention);
      if (!delivery)
        return sendControlError(context, 404, "not_found", `No account ${body.accountId}.`);
      sendJson(context.res, 200, { delivery });
    }),
  ];
}
