// What the inbound ledger keeps of a Zoom webhook's payload: the ids and times that say which
// account, meeting and participant a delivery was about and when, never the participant's name,
// email or phone, the meeting's topic or anything else Zoom adds (issue 17). Nothing reads the
// stored payload to apply a notification: the dedupe key is computed from the whole payload
// before this, and the participant event (with the display name the attendance log shows) is
// stored on its own. The migration `ledger_payloads_without_personal_data` applies the same
// allow-list to the rows stored before. Pure. @see docs/protocols/zoom-webhooks.md#payloads

type AllowList = { readonly [key: string]: true | AllowList };

const PARTICIPANT: AllowList = {
  id: true,
  user_id: true,
  participant_uuid: true,
  participant_user_id: true,
  customer_key: true,
  registrant_id: true,
  join_time: true,
  leave_time: true,
  date_time: true,
};

export const LEDGER_PAYLOAD_ALLOW_LIST: AllowList = {
  account_id: true,
  // app_deauthorized (its whole event is kept apart, for Zoom's Data Compliance call)
  user_id: true,
  client_id: true,
  deauthorization_time: true,
  user_data_retention: true,
  object: {
    id: true,
    uuid: true,
    host_id: true,
    start_time: true,
    end_time: true,
    duration: true,
    participant: PARTICIPANT,
  },
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function pick(value: Record<string, unknown>, allowed: AllowList): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(allowed)) {
    const item = value[key];
    if (item === undefined || item === null) continue;
    if (rule === true) kept[key] = item;
    else if (isObject(item)) kept[key] = pick(item, rule);
  }
  return kept;
}

/** The payload as the ledger stores it: the allow-listed fields, without nulls. */
export function buildWebhookLedgerPayload(
  payload: Record<string, unknown>,
): Record<string, unknown> {
  return pick(payload, LEDGER_PAYLOAD_ALLOW_LIST);
}
