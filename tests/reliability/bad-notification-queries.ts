import fc from "fast-check";

// Generated Epic-style notification GETs that a receiver must refuse, grouped by what is wrong
// with them and the answer they must get. Each starts from a valid notification of a real visit
// and changes one thing. @see docs/protocols/telehealth-notifications.md#parameters

export const NOTIFICATION_PARAMS = [
  "ExternalIDType",
  "VendorName",
  "ExternalID",
  "ConferenceID",
  "ConnectionStatus",
] as const;
export type NotificationParam = (typeof NOTIFICATION_PARAMS)[number];
export type NotificationQuery = Record<NotificationParam, string>;

export type BadQuery = {
  label: string;
  /** The query string, in order (a name may repeat). */
  params: [string, string][];
  /** The Authorization header, or null for none. */
  authorization: string | null;
  /** For 400: the parameter that `fields` must name, when the category does not say. */
  field?: NotificationParam;
};

export type BadQueryCategory = {
  name: string;
  status: 400 | 401 | 404;
  /** For 400: the parameter that `fields` must name. */
  field?: NotificationParam;
  runs: number;
  arbitrary: fc.Arbitrary<BadQuery>;
};

export const basicAuthorization = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;

/** Any 8-4-4-4-12 hex string, whatever its version: wider than what counts as a UUID. */
const UUID_SHAPED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const entries = (query: NotificationQuery): [string, string][] =>
  NOTIFICATION_PARAMS.map((name) => [name, query[name]]);

const withValue = (query: NotificationQuery, name: NotificationParam, value: string) =>
  entries({ ...query, [name]: value });

const CONTROL_CHARACTERS = ["\u0000", "\n", "\r", "\t", "\u001b", "\u007f", "\u0085", "\u009f"];

export function badNotificationCategories(
  valid: NotificationQuery,
  credentials: { username: string; password: string },
): BadQueryCategory[] {
  const authorization = basicAuthorization(credentials.username, credentials.password);
  /** The valid query with one parameter's value replaced, with the right credentials. */
  const oneValue = (name: NotificationParam, values: fc.Arbitrary<string>) =>
    values.map((value): BadQuery => ({
      label: `${name}=${JSON.stringify(value.slice(0, 40))}${value.length > 40 ? `… (${value.length})` : ""}`,
      params: withValue(valid, name, value),
      authorization,
    }));

  return [
    ...NOTIFICATION_PARAMS.map((name): BadQueryCategory => ({
      name: `${name} missing, among others`,
      status: 400,
      field: name,
      runs: 6,
      arbitrary: fc.subarray([...NOTIFICATION_PARAMS]).map((others) => {
        const missing = new Set([name, ...others]);
        return {
          label: `without ${[...missing].join(", ")}`,
          params: entries(valid).filter(([param]) => !missing.has(param as NotificationParam)),
          authorization,
        };
      }),
    })),
    ...NOTIFICATION_PARAMS.map((name): BadQueryCategory => ({
      name: `${name} given more than once`,
      status: 400,
      field: name,
      runs: 4,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.boolean())
        .map(([extra, isSameValue, isFirst]) => {
          const copies: [string, string][] = Array.from({ length: extra }, (_, index) => [
            name,
            isSameValue ? valid[name] : `${valid[name]}${index}`,
          ]);
          const params = entries(valid);
          return {
            label: `${name} ${extra + 1} times (${isSameValue ? "same" : "other"} value${isFirst ? ", repeat first" : ""})`,
            params: isFirst ? [...copies, ...params] : [...params, ...copies],
            authorization,
          };
        }),
    })),
    {
      name: "ExternalID too long",
      status: 400,
      field: "ExternalID",
      runs: 6,
      arbitrary: oneValue(
        "ExternalID",
        fc.integer({ min: 101, max: 20_000 }).map((length) => "9".repeat(length)),
      ),
    },
    {
      name: "ExternalIDType too long",
      status: 400,
      field: "ExternalIDType",
      runs: 6,
      arbitrary: oneValue(
        "ExternalIDType",
        fc.integer({ min: 51, max: 20_000 }).map((length) => "2".repeat(length)),
      ),
    },
    {
      name: "an identifier that is empty or holds control characters",
      status: 400,
      runs: 12,
      arbitrary: fc
        .tuple(
          fc.constantFrom<NotificationParam>("ExternalID", "ExternalIDType"),
          fc.constantFrom("", ...CONTROL_CHARACTERS),
          fc.nat({ max: 3 }),
        )
        .chain(([name, character, at]) => {
          const value = valid[name];
          const changed = character === "" ? "" : value.slice(0, at) + character + value.slice(at);
          return oneValue(name, fc.constant(changed)).map((query) => ({ ...query, field: name }));
        }),
    },
    {
      name: "a ConferenceID that is not a UUID",
      status: 400,
      field: "ConferenceID",
      runs: 20,
      arbitrary: oneValue(
        "ConferenceID",
        fc.oneof(
          fc.string({ maxLength: 60 }).filter((text) => !UUID_SHAPED.test(text)),
          fc.constantFrom(
            valid.ConferenceID.replaceAll("-", ""),
            `{${valid.ConferenceID}}`,
            `urn:uuid:${valid.ConferenceID}`,
            `${valid.ConferenceID}x`,
            ` ${valid.ConferenceID}`,
            valid.ConferenceID.slice(0, -1),
            `${valid.ConferenceID.slice(0, -1)}g`,
            // Version 0 and version 9 are no UUID versions; variant "c" is Microsoft's.
            `${valid.ConferenceID.slice(0, 14)}0${valid.ConferenceID.slice(15)}`,
            `${valid.ConferenceID.slice(0, 14)}9${valid.ConferenceID.slice(15)}`,
            `${valid.ConferenceID.slice(0, 19)}c${valid.ConferenceID.slice(20)}`,
            `${valid.ConferenceID},${valid.ConferenceID}`,
            "' OR 1=1 --",
          ),
        ),
      ),
    },
    {
      name: "a well-formed ConferenceID that is no visit",
      status: 404,
      runs: 8,
      arbitrary: oneValue(
        "ConferenceID",
        fc.oneof(
          fc.uuid().filter((uuid) => uuid !== valid.ConferenceID),
          fc.constantFrom(
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
          ),
        ),
      ),
    },
    {
      name: "a ConnectionStatus that is not 1 to 3 digits",
      status: 400,
      field: "ConnectionStatus",
      runs: 20,
      arbitrary: oneValue(
        "ConnectionStatus",
        fc.oneof(
          fc.constantFrom(
            "",
            "abc",
            "-1",
            "+1",
            "1.5",
            "1e1",
            "0x1",
            " 1",
            "1 ",
            "1234",
            "１",
            "٣",
          ),
          fc.string({ maxLength: 12 }).filter((text) => !/^\d{1,3}$/.test(text)),
          fc.integer({ min: 1_000, max: Number.MAX_SAFE_INTEGER }).map(String),
        ),
      ),
    },
    {
      name: "a vendor that is not Zoom",
      status: 400,
      field: "VendorName",
      runs: 15,
      arbitrary: oneValue(
        "VendorName",
        fc.oneof(
          fc.constantFrom(
            "",
            "Teams",
            "WebEx",
            "Epic",
            "Zoom ",
            " zoom",
            "zoomx",
            "Zооm",
            "Zoom\u0000",
          ),
          fc.string({ maxLength: 20 }).filter((text) => !/^zoom$/i.test(text)),
        ),
      ),
    },
    {
      name: "missing or wrong Basic credentials",
      status: 401,
      runs: 25,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            null,
            "",
            "Basic",
            "Bearer abc.def.ghi",
            "Basic not*base64",
            `Digest username="${credentials.username}"`,
            basicAuthorization(credentials.username, ""),
            basicAuthorization("", credentials.password),
            basicAuthorization(credentials.username.toUpperCase(), credentials.password),
            basicAuthorization(credentials.username, `${credentials.password} `),
            basicAuthorization(`${credentials.username}:${credentials.password}`, ""),
            `Basic ${Buffer.from(credentials.password).toString("base64")}`,
            `${authorization} ${authorization.slice(6)}`,
            `${authorization}${"A".repeat(2_000)}`,
            authorization.replace("Basic", "Basic\t"),
          ),
          fc
            .string({ minLength: 1, maxLength: 40 })
            .filter((password) => password !== credentials.password)
            .map((password) => basicAuthorization(credentials.username, password)),
        )
        .map((header) => ({
          label: `Authorization ${JSON.stringify(header?.slice(0, 60) ?? null)}`,
          params: entries(valid),
          authorization: header,
        })),
    },
    {
      name: "a query string of garbage",
      status: 400,
      runs: 15,
      arbitrary: fc
        .oneof(
          fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 }), { maxKeys: 6 }),
          fc
            .dictionary(fc.constantFrom(...NOTIFICATION_PARAMS), fc.string({ maxLength: 20 }), {
              maxKeys: 4,
            })
            .map((partial) => ({ ...partial, ConferenceID: "not-a-visit" })),
        )
        .map((garbage) => ({
          label: `query ${JSON.stringify(garbage).slice(0, 60)}`,
          params: Object.entries(garbage),
          authorization,
        })),
    },
  ];
}
