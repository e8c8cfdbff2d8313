import { describe, expect, it } from "vitest";

import { sha256Hex } from "@/lib/crypto/hmac";
import { buildTelehealthDedupeKey } from "@/lib/telehealth/notifications/dedupe-key";

const QUERY = {
  ExternalIDType: "2",
  VendorName: "Zoom" as const,
  ExternalID: "0190f5b2-7c1e-7a3b-9c4d-000000000001",
  ConferenceID: "0190f5b2-7c1e-7a3b-9c4d-5e6f7a8b9c0d",
  ConnectionStatus: "1",
};
const AT = new Date("2025-03-04T05:06:07.000Z");

describe("buildTelehealthDedupeKey", () => {
  it("hashes the sorted, form-encoded parameters and adds the receipt second", () => {
    const canonical =
      "ConferenceID=0190f5b2-7c1e-7a3b-9c4d-5e6f7a8b9c0d&ConnectionStatus=1" +
      "&ExternalID=0190f5b2-7c1e-7a3b-9c4d-000000000001&ExternalIDType=2&VendorName=Zoom";
    expect(buildTelehealthDedupeKey(QUERY, AT)).toBe(
      `telehealth:${sha256Hex(canonical)}|2025-03-04T05:06:07Z`,
    );
  });

  it("is the same within one second, whatever the parameters' order", () => {
    const reordered = Object.fromEntries(Object.entries(QUERY).reverse()) as typeof QUERY;
    const later = new Date(AT.getTime() + 999);
    expect(buildTelehealthDedupeKey(reordered, later)).toBe(buildTelehealthDedupeKey(QUERY, AT));
  });

  it("differs in the next second, and for any other parameter value", () => {
    const key = buildTelehealthDedupeKey(QUERY, AT);
    expect(buildTelehealthDedupeKey(QUERY, new Date(AT.getTime() + 1000))).not.toBe(key);
    expect(buildTelehealthDedupeKey(QUERY, new Date(AT.getTime() - 1))).not.toBe(key);
    for (const name of Object.keys(QUERY) as (keyof typeof QUERY)[])
      expect(buildTelehealthDedupeKey({ ...QUERY, [name]: "other" }, AT)).not.toBe(key);
  });

  it("cannot be confused by values that contain separators", () => {
    const a = { ...QUERY, ExternalIDType: "2&ExternalID=x", ExternalID: "y" };
    const b = { ...QUERY, ExternalIDType: "2", ExternalID: "x&ExternalIDType=y" };
    expect(buildTelehealthDedupeKey(a, AT)).not.toBe(buildTelehealthDedupeKey(b, AT));
  });
});
