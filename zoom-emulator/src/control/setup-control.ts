import { z } from "zod";

import { type Emulator } from "../emulator";
import { newZoomId } from "../ids";
import { sendJson } from "../http/responses";
import { type RequestContext, route, type Route } from "../http/router";
import { findUserAnywhere } from "../state/accounts";
import { roleNameSchema } from "../state/account-schema";
import { buildAccount, buildDefaultState } from "../state/default-state";
import {
  mergeRegistration,
  registrationPatchSchema,
  registrationSchema,
} from "../state/registration-schema";
import { readControlBody, sendControlError } from "./control-http";
import { buildStateView } from "./state-view";

// Setting up a test: reset, inspect state, change the app registration, add accounts.

const resetBodySchema = z.object({ registration: z.boolean().optional() });

const newAccountSchema = z.object({
  name: z.string().min(1),
  users: z
    .array(
      z.object({
        email: z.email(),
        first_name: z.string(),
        last_name: z.string(),
        role: roleNameSchema,
        type: z.union([z.literal(1), z.literal(2)]).optional(),
      }),
    )
    .min(1),
});

async function reset(emulator: Emulator, context: RequestContext) {
  const body = await readControlBody(context, resetBodySchema);
  if (!body) return;
  const { startupRegistration } = emulator.config;
  const registration = body.registration ? startupRegistration : emulator.state.registration;
  emulator.deliveries.cancelRetries();
  emulator.state = buildDefaultState(registration, Date.now());
  emulator.changed();
  sendJson(context.res, 200, buildStateView(emulator));
}

async function updateRegistration(emulator: Emulator, context: RequestContext) {
  const patch = await readControlBody(context, registrationPatchSchema);
  if (!patch) return;
  const merged = registrationSchema.safeParse(
    mergeRegistration(emulator.state.registration, patch),
  );
  if (!merged.success) {
    return sendControlError(context, 400, "bad_request", z.prettifyError(merged.error));
  }
  emulator.state.registration = merged.data;
  emulator.changed();
  sendJson(context.res, 200, merged.data);
}

async function addAccount(emulator: Emulator, context: RequestContext) {
  const body = await readControlBody(context, newAccountSchema);
  if (!body) return;
  const taken = body.users.find((user) => findUserAnywhere(emulator.state, user.email));
  if (taken) {
    return sendControlError(
      context,
      409,
      "conflict",
      `A Zoom user already has the email ${taken.email}.`,
    );
  }
  const users = body.users.map((user) => ({
    email: user.email,
    firstName: user.first_name,
    lastName: user.last_name,
    role: user.role,
    type: user.type ?? 2,
  }));
  const ids = { account: newZoomId(), user: () => newZoomId() };
  const account = buildAccount(body.name, users, ids, emulator.now());
  emulator.state.accounts.push(account);
  emulator.changed();
  const view = account.users.map(({ zak: _zak, ...user }) => user);
  sendJson(context.res, 201, { id: account.id, name: account.name, users: view });
}

export function setupControlRoutes(emulator: Emulator): Route[] {
  return [
    route("POST", "/_emulator/reset", (context) => reset(emulator, context)),
    route("GET", "/_emulator/state", (context) =>
      sendJson(context.res, 200, buildStateView(emulator)),
    ),
    route("GET", "/_emulator/registration", (context) =>
      sendJson(context.res, 200, emulator.state.registration),
    ),
    route("PUT", "/_emulator/registration", (context) => updateRegistration(emulator, context)),
    route("POST", "/_emulator/accounts", (context) => addAccount(emulator, context)),
  ];
}
