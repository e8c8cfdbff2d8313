import { createHmac } from "node:crypto";

import fc from "fast-check";

import {
  baseZoomHeaders,
  secondsOf,
  serializeEnvelope,
  signedDelivery,
  signZoomBody,
  type ZoomDelivery,
  type ZoomEnvelope,
} from "./zoom-deliveries";

// Generated Zoom webhook deliveries that a receiver must refuse, grouped by what is wrong with
// them and by the answer they must get. Each is built from a valid delivery of a known visit
// (or account), changed in one way, so that the change is the only reason to refuse it.
// @see docs/protocols/zoom-webhooks.md

/** The body cap (64 KB) of the route and the handler. */
export const WEBHOOK_BODY_CAP_BYTES = 64 * 1024;

export type BadDelivery = ZoomDelivery & { label: string };

export type BadDeliveryCategory = {
  name: string;
  status: 400 | 401 | 413;
  /** What the answer's error message must say. */
  message: RegExp;
  runs: number;
  arbitrary: fc.Arbitrary<BadDelivery>;
};

/** Valid events to start from: each would be accepted (200) as it is. */
export type BaseEvents = {
  participant: ZoomEnvelope[];
  lifecycle: ZoomEnvelope[];
  deauthorization: ZoomEnvelope;
  urlValidation: ZoomEnvelope;
};

const DELETE = Symbol("delete");
type Change = { path: string[]; value: unknown };

/** A copy of the envelope with the value at `path` replaced (or deleted with DELETE). */
export function changed(envelope: ZoomEnvelope, { path, value }: Change): unknown {
  const copy = structuredClone(envelope) as unknown as Record<string, unknown>;
  let parent: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const inner = parent[key];
    if (inner === null || typeof inner !== "object") return copy;
    parent = inner as Record<string, unknown>;
  }
  const last = path[path.length - 1] as string;
  if (value === DELETE) delete parent[last];
  else parent[last] = value;
  return copy;
}

const PRINTABLE = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
  minLength: 1,
  maxLength: 80,
});
const HEX64 = fc.string({
  unit: fc.constantFrom(..."0123456789abcdef"),
  minLength: 64,
  maxLength: 64,
});

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** A change to one field, as an arbitrary. */
const change = (path: string[], values: readonly unknown[]): fc.Arbitrary<Change> =>
  fc.constantFrom(...values).map((value) => ({ path, value }));

const describeValue = (value: unknown) =>
  value === DELETE ? "deleted" : (JSON.stringify(value) ?? String(value)).slice(0, 40);

export function badZoomDeliveryCategories(
  base: BaseEvents,
  options: { secret: string; now: Date },
): BadDeliveryCategory[] {
  const { secret, now } = options;
  const nowSeconds = secondsOf(now);
  const sign = (rawBody: string, timestamp?: string) =>
    signedDelivery(rawBody, { secret, now, timestamp });
  /** A delivery with exactly these signature headers (null: header absent). */
  const withHeaders = (rawBody: string, signature: string[] | null, timestamp: string[] | null) => {
    const headers = baseZoomHeaders();
    for (const value of signature ?? []) headers.append("x-zm-signature", value);
    for (const value of timestamp ?? []) headers.append("x-zm-request-timestamp", value);
    return { rawBody, headers, now };
  };
  const rightSignature = (rawBody: string, timestamp = String(nowSeconds)) =>
    signZoomBody(secret, timestamp, rawBody);
  const labelled = (delivery: ZoomDelivery, label: string): BadDelivery => ({ ...delivery, label });

  const all = [...base.participant, ...base.lifecycle, base.deauthorization, base.urlValidation];
  const anyBody = fc.constantFrom(...all.map((envelope) => serializeEnvelope(envelope)));
  const meetingBases = fc.constantFrom(...base.participant, ...base.lifecycle);
  const participantBases = fc.constantFrom(...base.participant);
  /** A signed, fresh delivery of `envelope` with one change. */
  const changedDelivery = (envelopes: fc.Arbitrary<ZoomEnvelope>, changes: fc.Arbitrary<Change>) =>
    fc
      .tuple(envelopes, changes)
      .map(([envelope, one]) =>
        labelled(
          sign(JSON.stringify(changed(envelope, one))),
          `${envelope.event}: ${one.path.join(".")} ${describeValue(one.value)}`,
        ),
      );

  return [
    {
      name: "a body changed after it was signed",
      status: 401,
      message: /bad_signature/,
      runs: 30,
      arbitrary: fc.oneof(
        fc.tuple(anyBody, fc.nat(), fc.integer({ min: 1, max: 0x7f })).map(([body, at, mask]) => {
          const index = at % body.length;
          const flipped = String.fromCharCode(body.charCodeAt(index) ^ mask);
          const delivery = sign(body);
          const rawBody = `${body.slice(0, index)}${flipped}${body.slice(index + 1)}`;
          return labelled({ ...delivery, rawBody }, `byte ${index} xor ${mask}`);
        }),
        fc
          .tuple(anyBody, fc.constantFrom(" ", "\n", "}", "\u0000"))
          .map(([body, extra]) =>
            labelled({ ...sign(body), rawBody: body + extra }, `appended ${JSON.stringify(extra)}`),
          ),
      ),
    },
    {
      name: "a wrong signature",
      status: 401,
      message: /bad_signature/,
      runs: 20,
      arbitrary: fc
        .tuple(
          anyBody,
          fc.oneof(
            HEX64.map((hex) => `v0=${hex}`),
            PRINTABLE,
            PRINTABLE.filter((other) => other !== secret).map(
              (other) => `v0=${createHmac("sha256", other).update("x").digest("hex")}`,
            ),
          ),
        )
        .map(([body, signature]) =>
          labelled(withHeaders(body, [signature], [String(nowSeconds)]), `signature ${signature}`),
        ),
    },
    {
      name: "a missing or empty signature header",
      status: 401,
      message: /missing_headers/,
      runs: 15,
      arbitrary: fc
        .tuple(
          anyBody,
          fc.constantFrom(
            "no signature",
            "no timestamp",
            "neither",
            "empty signature",
            "empty timestamp",
            "both empty",
          ),
        )
        .map(([body, variant]) => {
          const timestamp = String(nowSeconds);
          const signature = rightSignature(body);
          const headers: Record<string, [string[] | null, string[] | null]> = {
            "no signature": [null, [timestamp]],
            "no timestamp": [[signature], null],
            neither: [null, null],
            "empty signature": [[""], [timestamp]],
            "empty timestamp": [[signature], [""]],
            "both empty": [[""], [""]],
          };
          const [signatures, timestamps] = headers[variant] ?? [null, null];
          return labelled(withHeaders(body, signatures, timestamps), variant);
        }),
    },
    {
      name: "a signature or timestamp header given twice",
      status: 401,
      message: /bad_signature|bad_timestamp/,
      runs: 15,
      arbitrary: fc
        .tuple(
          anyBody,
          HEX64,
          fc.constantFrom("right twice", "right, wrong", "wrong, right", "timestamp twice"),
        )
        .map(([body, hex, variant]) => {
          const timestamp = String(nowSeconds);
          const right = rightSignature(body);
          const wrong = `v0=${hex}`;
          const headers: Record<string, [string[], string[]]> = {
            "right twice": [[right, right], [timestamp]],
            "right, wrong": [[right, wrong], [timestamp]],
            "wrong, right": [[wrong, right], [timestamp]],
            "timestamp twice": [[right], [timestamp, timestamp]],
          };
          const [signatures, timestamps] = headers[variant] ?? [[], []];
          return labelled(withHeaders(body, signatures, timestamps), variant);
        }),
    },
    {
      name: "another signature scheme, case or length",
      status: 401,
      message: /bad_signature/,
      runs: 25,
      arbitrary: fc
        .tuple(
          anyBody,
          fc.constantFrom<[string, (hex: string, upper: boolean[]) => string]>(
            ["v1=", (hex) => `v1=${hex}`],
            ["V0=", (hex) => `V0=${hex}`],
            ["sha256=", (hex) => `sha256=${hex}`],
            ["no scheme", (hex) => hex],
            ["space", (hex) => `v0= ${hex}`],
            ["upper case", (hex) => `v0=${hex.toUpperCase()}`],
            [
              "mixed case",
              (hex, upper) =>
                `v0=${[...hex].map((d, i) => (upper[i] ? d.toUpperCase() : d)).join("")}`,
            ],
            ["one digit short", (hex) => `v0=${hex.slice(0, -1)}`],
            ["one digit more", (hex) => `v0=${hex}0`],
            ["base64", (hex) => `v0=${Buffer.from(hex, "hex").toString("base64")}`],
          ),
          fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        )
        .map(([body, [form, build], upper]) => {
          const right = rightSignature(body);
          const formed = build(right.slice(3), upper);
          // Mixed case that happened to change no letter is the right signature: upper-case it all.
          const signature = formed === right ? right.toUpperCase() : formed;
          return labelled(withHeaders(body, [signature], [String(nowSeconds)]), form);
        }),
    },
    {
      name: "a stale or future timestamp, correctly signed",
      status: 401,
      message: /stale_timestamp/,
      runs: 25,
      arbitrary: fc
        .tuple(anyBody, fc.integer({ min: 301, max: 10 * 365 * 86_400 }), fc.boolean())
        .map(([body, offset, isFuture]) => {
          const timestamp = String(nowSeconds + (isFuture ? offset : -offset));
          return labelled(sign(body, timestamp), `timestamp ${isFuture ? "+" : "-"}${offset} s`);
        }),
    },
    {
      name: "a timestamp that is not a number of seconds, correctly signed",
      status: 401,
      message: /bad_timestamp/,
      runs: 20,
      arbitrary: fc
        .tuple(
          anyBody,
          fc.constantFrom(
            `${nowSeconds}000`, // milliseconds, like event_ts
            `${nowSeconds}.5`,
            `-${nowSeconds}`,
            `+${nowSeconds}`,
            `${nowSeconds}s`,
            `0x${nowSeconds.toString(16)}`,
            `${(nowSeconds / 1e9).toFixed(9)}e9`,
            `${String(nowSeconds).slice(0, 5)} ${String(nowSeconds).slice(5)}`,
            new Date(now).toISOString(),
            "NaN",
            "now",
          ),
        )
        .map(([body, timestamp]) => labelled(sign(body, timestamp), `timestamp ${timestamp}`)),
    },
    {
      name: "a body that is not JSON",
      status: 400,
      message: /not JSON/,
      runs: 25,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            "",
            "{",
            "nul",
            "{'event':'meeting.started'}",
            "undefined",
            "NaN",
            "[1,]",
          ),
          anyBody.map((body) => body.slice(0, -1)),
          anyBody.map((body) => `${body}}`),
          anyBody.map((body) => body.replace(/"/, "'")),
          PRINTABLE.filter((text) => !isJson(text)),
        )
        .map((body) => labelled(sign(body), `body ${JSON.stringify(body.slice(0, 40))}`)),
    },
    {
      name: "JSON that is not an event object",
      status: 400,
      message: /Not a Zoom event/,
      runs: 25,
      arbitrary: fc
        .oneof(
          fc
            .jsonValue({ maxDepth: 2 })
            .filter((value) => value === null || typeof value !== "object" || Array.isArray(value)),
          fc
            .dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 })
            .filter((value) => !Object.hasOwn(value, "event")),
        )
        .map((value) => {
          const body = JSON.stringify(value);
          return labelled(sign(body), `JSON ${body.slice(0, 40)}`);
        }),
    },
    {
      name: "an envelope field of the wrong type",
      status: 400,
      message: /Not a Zoom event/,
      runs: 30,
      arbitrary: changedDelivery(
        fc.constantFrom(...all),
        fc.oneof(
          change(["event"], [DELETE, 0, null, "", "e".repeat(101), [], {}, true]),
          change(
            ["event_ts"],
            [DELETE, "1772460000000", 1.5, 0, -1, null, 2 ** 53, 1e300, [], true],
          ),
          change(["payload"], [DELETE, [], "account", null, 1, true, [{}]]),
        ),
      ),
    },
    {
      name: "a meeting event whose meeting id is not a meeting number",
      status: 400,
      message: /^Invalid meeting\.[a-z_]+ payload$/,
      runs: 30,
      arbitrary: changedDelivery(
        meetingBases,
        fc
          .oneof(
            fc.string({ maxLength: 25 }).filter((text) => !/^\d{1,19}$/.test(text)),
            fc.stringMatching(/^[1-9]\d{19,30}$/),
            fc.bigInt({ min: 2n ** 63n, max: 10n ** 19n - 1n }).map(String),
            fc.integer({ min: 1 }),
            fc.constantFrom(DELETE, null, [], {}, "-1", "+1", "1e5", " 1", "0x1F", "８４１"),
          )
          .map((value) => ({ path: ["payload", "object", "id"], value })),
      ),
    },
    {
      name: "a participant event with a bad time",
      status: 400,
      message: /^Invalid meeting\.participant_[a-z_]+ payload$/,
      runs: 30,
      arbitrary: changedDelivery(
        participantBases,
        fc
          .tuple(
            fc.constantFrom("join_time", "leave_time", "date_time"),
            fc.oneof(
              fc.constantFrom(
                "yesterday",
                "2026-13-01T00:00:00Z",
                "2026-02-30T10:00:00Z",
                "2026-04-31T00:00:00Z",
                "2026-01-01T24:00:00Z",
                "2026-01-01T00:00:60Z",
                "2026-01-01T00:00:00",
                "2026-01-01",
                "2026-01-01 10:00:00Z",
                "2026-01-01T00:00:00+25:00",
                "",
                [],
                true,
              ),
              fc.integer(),
              fc.string({ maxLength: 30 }).filter((text) => !/^\d{4}-/.test(text)),
            ),
          )
          .map(([field, value]) => ({ path: ["payload", "object", "participant", field], value })),
      ),
    },
    {
      name: "a meeting event without a proper participant, object or account",
      status: 400,
      message: /^Invalid meeting\.[a-z_]+ payload$/,
      runs: 30,
      arbitrary: fc.oneof(
        changedDelivery(
          participantBases,
          fc.oneof(
            change(["payload", "object", "participant"], [DELETE, null, "patient", [], 1]),
            change(["payload", "object", "participant", "user_name"], ["n".repeat(501), 7]),
            change(["payload", "object", "participant", "customer_key"], ["k".repeat(101), 7]),
            change(["payload", "object", "participant", "email"], [`${"e".repeat(320)}@x`, false]),
            change(["payload", "object", "participant", "user_id"], [16_778_240, {}]),
            change(["payload", "object", "participant", "participant_uuid"], [{}, "u".repeat(101)]),
          ),
        ),
        changedDelivery(
          meetingBases,
          fc.oneof(
            change(["payload", "object"], [DELETE, null, "object", []]),
            change(["payload", "object", "uuid"], [1, "u".repeat(101)]),
            change(["payload", "object", "host_id"], [1, "h".repeat(101)]),
            change(["payload", "account_id"], [DELETE, "", "a".repeat(101), 1, null]),
          ),
        ),
      ),
    },
    {
      name: "a wrong app_deauthorized payload",
      status: 400,
      message: /^Invalid app_deauthorized payload$/,
      runs: 20,
      arbitrary: changedDelivery(
        fc.constant(base.deauthorization),
        fc.oneof(
          change(["payload", "account_id"], [DELETE, "", 123, null, []]),
          change(["payload", "user_data_retention"], ["yes", "TRUE", 1, 0, null, "1"]),
          change(["payload", "user_id"], [123, null]),
          change(["payload", "client_id"], [false]),
          change(["payload", "deauthorization_time"], [0]),
          change(["payload", "signature"], [[]]),
        ),
      ),
    },
    {
      name: "a URL validation without a usable token",
      status: 400,
      message: /^Missing plainToken$/,
      runs: 10,
      arbitrary: changedDelivery(
        fc.constant(base.urlValidation),
        change(["payload", "plainToken"], [DELETE, "", "t".repeat(257), 123, null, []]),
      ),
    },
    {
      name: "a body larger than 64 KB",
      status: 413,
      message: /larger than 64 KB/,
      runs: 6,
      arbitrary: fc
        .tuple(
          participantBases,
          fc.constantFrom("one byte over, signed", "two-byte characters, signed", "2 MB, signed"),
        )
        .map(([envelope, variant]) => {
          const { padded, withPadding, over } = oversized(envelope);
          const delivery = (): ZoomDelivery => {
            switch (variant) {
              case "one byte over, signed":
                return sign(padded);
              case "two-byte characters, signed": // fewer characters than the cap, more bytes
                return sign(withPadding("é".repeat(Math.ceil(over / 2))));
              case "2 MB, signed":
                return sign(withPadding("x".repeat(2 * 1024 * 1024)));
            }
          };
          return labelled(delivery(), variant);
        }),
    },
    {
      // Refused on its headers, as the entry points do before reading such a body.
      name: "a body larger than 64 KB, unsigned or stale",
      status: 401,
      message: /missing_headers|stale_timestamp/,
      runs: 4,
      arbitrary: fc
        .tuple(participantBases, fc.constantFrom("unsigned", "stale"))
        .map(([envelope, variant]) => {
          const { padded } = oversized(envelope);
          const delivery =
            variant === "stale"
              ? sign(padded, String(nowSeconds - 3_600))
              : withHeaders(padded, null, null);
          return labelled(delivery, variant);
        }),
    },
  ];
}

/** The envelope padded to one byte over the cap, and how to pad it otherwise. */
function oversized(envelope: ZoomEnvelope) {
  const withPadding = (padding: string) =>
    JSON.stringify({ ...envelope, payload: { ...envelope.payload, padding } });
  const bare = withPadding("").length;
  const over = WEBHOOK_BODY_CAP_BYTES + 1 - bare;
  return { withPadding, over, padded: withPadding("x".repeat(over)) };
}
