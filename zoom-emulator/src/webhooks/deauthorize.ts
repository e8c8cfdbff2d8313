import { createHmac } from "node:crypto";

import { type Emulator } from "../emulator";
import { removeAuthorization } from "../oauth/grants";
import { findAccount, findOwner } from "../state/accounts";
import { type Delivery } from "../state/delivery-schema";
import { nextEventTs } from "./event-ts";

// Removing the app from an account: every token of the account dies, and `app_deauthorized`
// goes to the deauthorization URL (the event URL unless set), signed like every webhook. The
// payload keeps the legacy `user_data_retention` string ("true"/"false") that decides whether
// the app must delete the account's data within ten days (zoom-webhooks.md#app-deauthorized,
// zoom-oauth.md#data-compliance).

export async function deauthorizeAccount(
  emulator: Emulator,
  accountId: string,
  userDataRetention: boolean,
): Promise<Delivery | null> {
  const { state } = emulator;
  const account = findAccount(state, accountId);
  if (!account) return null;
  const installation = state.installations.find((item) => item.accountId === accountId);
  const userId = installation?.userId ?? findOwner(account)?.id ?? "";
  removeAuthorization(emulator, accountId);
  const { registration } = state;
  const deauthorizationTime = new Date(emulator.now()).toISOString();
  // The legacy payload's own `signature` field; nothing documents how it was computed.
  const signature = createHmac("sha256", registration.webhookSecretToken)
    .update(`${accountId}:${userId}:${deauthorizationTime}`)
    .digest("hex");
  const body = JSON.stringify({
    event: "app_deauthorized",
    payload: {
      account_id: accountId,
      user_id: userId,
      signature,
      deauthorization_time: deauthorizationTime,
      client_id: registration.clientId,
      user_data_retention: userDataRetention ? "true" : "false",
    },
    event_ts: nextEventTs(emulator),
  });
  const url = registration.deauthorizationUrl ?? registration.eventUrl;
  return emulator.deliveries.enqueue(emulator, {
    kind: "webhook",
    event: "app_deauthorized",
    url,
    body,
  });
}
