import { z } from "zod";

// The query of an Epic-style join/leave notification, as Zoom sends it:
// `?ExternalIDType=&VendorName=Zoom&ExternalID=&ConferenceID=&ConnectionStatus=`.
// ConferenceID is our visit id, ExternalID our user id (the `userid` of the launch URL).
// @see docs/protocols/telehealth-notifications.md#parameters

export const TELEHEALTH_NOTIFICATION_PARAMS = [
  "ExternalIDType",
  "VendorName",
  "ExternalID",
  "ConferenceID",
  "ConnectionStatus",
] as const;

export const EXTERNAL_ID_MAX = 100;
export const EXTERNAL_ID_TYPE_MAX = 50;

/** What `readNotificationQuery` hands the schema: a repeated parameter becomes an array. */
export type RawNotificationQuery = Partial<Record<string, string | string[]>>;

/** One value of one parameter: absent and repeated parameters get their own message. */
const singleValue = () =>
  z.string({
    error: (issue) =>
      issue.input === undefined
        ? "Required"
        : Array.isArray(issue.input)
          ? "Must appear only once"
          : "Must be text",
  });

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

const identifier = (max: number) =>
  singleValue()
    .min(1, "Must not be empty")
    .max(max, `At most ${max} characters`)
    .regex(NO_CONTROL_CHARACTERS, "Must not contain control characters");

export const telehealthNotificationQuerySchema = z.object({
  ExternalIDType: identifier(EXTERNAL_ID_TYPE_MAX),
  // Normalised, so that "zoom" and "Zoom" make the same notification (and dedupe key).
  VendorName: singleValue()
    .regex(/^zoom$/i, "Must be Zoom")
    .transform(() => "Zoom" as const),
  ExternalID: identifier(EXTERNAL_ID_MAX),
  ConferenceID: singleValue()
    .pipe(z.uuid("Must be a UUID"))
    .transform((id) => id.toLowerCase()),
  // Kept as sent (e.g. "01"): the raw code is stored; connection-status.ts says what it means.
  ConnectionStatus: singleValue().regex(/^\d{1,3}$/, "Must be a number of 1 to 3 digits"),
});
export type TelehealthNotificationQuery = z.infer<typeof telehealthNotificationQuerySchema>;

/** The five parameters of a query string; others are not ours to judge and are left out. */
export function readNotificationQuery(params: URLSearchParams): RawNotificationQuery {
  const query: RawNotificationQuery = {};
  for (const name of TELEHEALTH_NOTIFICATION_PARAMS) {
    const values = params.getAll(name);
    if (values.length > 1) query[name] = values;
    else if (values[0] !== undefined) query[name] = values[0];
  }
  return query;
}

export function parseTelehealthNotificationQuery(params: URLSearchParams) {
  return telehealthNotificationQuerySchema.safeParse(readNotificationQuery(params));
}
