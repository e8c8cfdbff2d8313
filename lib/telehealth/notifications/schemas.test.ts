import { describe, expect, it } from "vitest";

import { fieldErrorsOf } from "@/lib/errors";
import {
  parseTelehealthNotificationQuery,
  readNotificationQuery,
  TELEHEALTH_NOTIFICATION_PARAMS,
} from "@/lib/telehealth/notifications/schemas";

const VISIT_ID = "0190f5b2-7c1e-7a3b-9c4d-5e6f7a8b9c0d";
const USER_ID = "0190f5b2-7c1e-7a3b-9c4d-000000000001";

const VALID = {
  ExternalIDType: "2",
  VendorName: "Zoom",
  ExternalID: USER_ID,
  ConferenceID: VISIT_ID,
  ConnectionStatus: "1",
};

type Param = (typeof TELEHEALTH_NOTIFICATION_PARAMS)[number];

function query(overrides: Partial<Record<Param, string | null>> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...VALID, ...overrides }))
    if (value !== null) params.set(name, value);
  return params;
}

/** The field errors of a query the schema must refuse. */
function errorsOf(params: URLSearchParams): Record<string, string[]> {
  const parsed = parseTelehealthNotificationQuery(params);
  if (parsed.success) throw new Error(`Expected a refusal, got ${JSON.stringify(parsed.data)}`);
  return fieldErrorsOf(parsed.error);
}

describe("telehealthNotificationQuerySchema", () => {
  it("accepts the emulator's query and keeps the raw ConnectionStatus", () => {
    expect(parseTelehealthNotificationQuery(query())).toEqual({ success: true, data: VALID });
  });

  it("normalises VendorName's case and ConferenceID to lower case", () => {
    const parsed = parseTelehealthNotificationQuery(
      query({ VendorName: "ZOOM", ConferenceID: VISIT_ID.toUpperCase() }),
    );
    expect(parsed.data).toMatchObject({ VendorName: "Zoom", ConferenceID: VISIT_ID });
  });

  it("keeps leading zeros and codes it does not know: their meaning is decided elsewhere", () => {
    for (const status of ["0", "01", "3", "999"])
      expect(parseTelehealthNotificationQuery(query({ ConnectionStatus: status })).data).toEqual({
        ...VALID,
        ConnectionStatus: status,
      });
  });

  it("accepts ids at their maximum length and ExternalIDs that are not our UUIDs", () => {
    const parsed = parseTelehealthNotificationQuery(
      query({ ExternalID: "E".repeat(100), ExternalIDType: "T".repeat(50) }),
    );
    expect(parsed.success).toBe(true);
    expect(parseTelehealthNotificationQuery(query({ ExternalID: "EMP 1234" })).success).toBe(true);
  });

  it("ignores parameters that are not its own", () => {
    const params = query();
    params.append("Extra", "1");
    params.append("Extra", "2");
    expect(parseTelehealthNotificationQuery(params)).toEqual({ success: true, data: VALID });
  });

  it.each(TELEHEALTH_NOTIFICATION_PARAMS)("refuses a query without %s", (name) => {
    expect(errorsOf(query({ [name]: null }))).toEqual({ [name]: ["Required"] });
  });

  it.each(TELEHEALTH_NOTIFICATION_PARAMS)("refuses an empty %s", (name) => {
    expect(Object.keys(errorsOf(query({ [name]: "" })))).toEqual([name]);
  });

  it.each(TELEHEALTH_NOTIFICATION_PARAMS)(
    "refuses %s given twice, even with equal values",
    (name) => {
      const params = query();
      params.append(name, VALID[name]);
      expect(errorsOf(params)).toEqual({ [name]: ["Must appear only once"] });
    },
  );

  it.each([
    ["ExternalID", "E".repeat(101)],
    ["ExternalID", "user\u0000id"],
    ["ExternalID", "user\nid"],
    ["ExternalIDType", "T".repeat(51)],
    ["ExternalIDType", "\t"],
    ["VendorName", "Teams"],
    ["VendorName", "Zoom "],
    ["VendorName", "Zoom Video"],
    ["ConferenceID", "not-a-uuid"],
    ["ConferenceID", "12345"],
    ["ConferenceID", `${VISIT_ID}0`],
    ["ConferenceID", `{${VISIT_ID}}`],
    ["ConferenceID", VISIT_ID.replaceAll("-", "")],
    ["ConferenceID", "x".repeat(10_000)],
    ["ConnectionStatus", "abc"],
    ["ConnectionStatus", "-1"],
    ["ConnectionStatus", "+1"],
    ["ConnectionStatus", "1.5"],
    ["ConnectionStatus", "1e2"],
    ["ConnectionStatus", " 1"],
    ["ConnectionStatus", "0x1"],
    ["ConnectionStatus", "1000"],
    ["ConnectionStatus", "١"],
  ] as const)("refuses %s=%j", (name, value) => {
    expect(Object.keys(errorsOf(query({ [name]: value })))).toEqual([name]);
  });

  it("lists every bad field at once", () => {
    expect(
      Object.keys(errorsOf(new URLSearchParams("VendorName=Teams&ConnectionStatus=x"))),
    ).toEqual([...TELEHEALTH_NOTIFICATION_PARAMS]);
  });

  it("reads parameter names case-sensitively, as Epic spells them", () => {
    const params = new URLSearchParams(query().toString().replace("ConferenceID", "conferenceid"));
    expect(errorsOf(params)).toEqual({ ConferenceID: ["Required"] });
  });
});

describe("readNotificationQuery", () => {
  it("keeps one value as text, a repeated one as a list, and drops other parameters", () => {
    expect(
      readNotificationQuery(new URLSearchParams("ExternalID=a&ExternalID=b&VendorName=Zoom&x=1")),
    ).toEqual({ ExternalID: ["a", "b"], VendorName: "Zoom" });
  });

  it("decodes percent-encoding and plus signs like any query string", () => {
    expect(readNotificationQuery(new URLSearchParams("ExternalID=EMP%201+2"))).toEqual({
      ExternalID: "EMP 1 2",
    });
  });
});
