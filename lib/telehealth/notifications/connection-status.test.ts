import { describe, expect, it } from "vitest";

import { ParticipantEventKind } from "@/generated/prisma/enums";
import {
  CONNECTION_STATUS_KINDS,
  deriveConnectionEventKind,
} from "@/lib/telehealth/notifications/connection-status";

describe("deriveConnectionEventKind", () => {
  it("reads 1 as joined and 2 as left, as the emulator and Zoom's Cerner integration use them", () => {
    expect(deriveConnectionEventKind("1")).toBe(ParticipantEventKind.JOINED);
    expect(deriveConnectionEventKind("2")).toBe(ParticipantEventKind.LEFT);
  });

  it("reads the number, so leading zeros do not matter", () => {
    expect(deriveConnectionEventKind("01")).toBe(ParticipantEventKind.JOINED);
    expect(deriveConnectionEventKind("002")).toBe(ParticipantEventKind.LEFT);
  });

  it.each(["0", "3", "4", "10", "12", "21", "100", "999"])("knows nothing of code %s", (code) => {
    expect(deriveConnectionEventKind(code)).toBeNull();
  });

  it.each(["", "abc", "-1", "+1", "1.5", "1.0", " 1", "1 ", "1e0", "0x1", "0001", "١"])(
    "refuses %j, which is not 1 to 3 digits",
    (value) => {
      expect(deriveConnectionEventKind(value)).toBeNull();
    },
  );

  it("maps exactly two codes, each to a different event", () => {
    expect([...CONNECTION_STATUS_KINDS.entries()]).toEqual([
      [1, ParticipantEventKind.JOINED],
      [2, ParticipantEventKind.LEFT],
    ]);
  });
});
