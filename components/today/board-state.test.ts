import { describe, expect, it } from "vitest";

import {
  countWaiting,
  deriveBoardState,
  isLongWait,
  orderBoardRows,
} from "@/components/today/board-state";
import { PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import type { BoardRow } from "@/lib/today/types";

const NOW = new Date("2026-12-07T15:40:00Z"); // 10:40 in New York
const ZONE = "America/New_York";

function row(overrides: Partial<BoardRow> = {}): BoardRow {
  return {
    visitId: overrides.visitId ?? "a",
    scheduledStart: "2026-12-07T15:30:00Z",
    durationMinutes: 30,
    status: VisitStatus.SCHEDULED,
    patientPresence: PatientPresence.NOT_JOINED,
    patientWaitingSince: null,
    isProviderPresent: false,
    providerJoinedAt: null,
    noShowAt: null,
    subject: { id: "s", name: "Ada Lovelace", recordNumber: "R1" },
    provider: { id: "p", name: "Grace Hopper" },
    deviceCheck: null,
    guests: [],
    ...overrides,
  };
}

const waiting = (minutesAgo: number, overrides: Partial<BoardRow> = {}) =>
  row({
    patientPresence: PatientPresence.WAITING,
    patientWaitingSince: new Date(NOW.getTime() - minutesAgo * 60_000 - 5_000).toISOString(),
    ...overrides,
  });

describe("deriveBoardState", () => {
  it("labels every state", () => {
    expect(deriveBoardState(row(), NOW).label).toBe("Not joined");
    expect(deriveBoardState(waiting(3), NOW).label).toBe("Waiting for 3 min");
    expect(deriveBoardState(waiting(0), NOW).label).toBe("Waiting for 0 min");
    const inMeeting = row({ patientPresence: PatientPresence.IN_MEETING });
    expect(deriveBoardState(inMeeting, NOW).label).toBe("In meeting");
    expect(deriveBoardState(row({ patientPresence: PatientPresence.LEFT }), NOW).label).toBe(
      "Left",
    );
    const ended = row({ status: VisitStatus.ENDED, patientPresence: PatientPresence.LEFT });
    expect(deriveBoardState(ended, NOW).label).toBe("Ended");
  });

  it("says Ended once the slot is over without anyone joining, as the Video Conferencing page does", () => {
    const missed = row({ scheduledStart: "2026-12-07T15:00:00Z", durationMinutes: 30 });
    expect(deriveBoardState(missed, NOW).kind).toBe("ended");
    expect(
      deriveBoardState({ ...missed, patientPresence: PatientPresence.WAITING }, NOW).kind,
    ).toBe("waiting");
  });

  it("puts cancelled before no-show, and no-show before the patient's presence", () => {
    const noShow = row({ noShowAt: NOW.toISOString(), status: VisitStatus.ENDED });
    expect(deriveBoardState(noShow, NOW)).toEqual({
      kind: "no_show",
      label: "No-show",
      waitingMinutes: null,
    });
    const cancelled = row({ status: VisitStatus.CANCELLED, noShowAt: NOW.toISOString() });
    expect(deriveBoardState(cancelled, NOW).label).toBe("Cancelled");
  });
});

describe("isLongWait and countWaiting", () => {
  it("marks a wait at the threshold, not before", () => {
    expect(isLongWait(waiting(4), NOW, 5)).toBe(false);
    expect(isLongWait(waiting(5), NOW, 5)).toBe(true);
    expect(isLongWait(row(), NOW, 5)).toBe(false);
  });

  it("counts only waiting patients", () => {
    expect(countWaiting([waiting(1), row(), waiting(9, { visitId: "b" })])).toBe(2);
  });
});

describe("orderBoardRows", () => {
  it("puts the longest waits first within the current hour, and keeps other hours by time", () => {
    const early = row({ visitId: "early", scheduledStart: "2026-12-07T14:00:00Z" });
    const earlyWaiting = waiting(30, {
      visitId: "early-waiting",
      scheduledStart: "2026-12-07T14:30:00Z",
    });
    const first = row({ visitId: "first", scheduledStart: "2026-12-07T15:00:00Z" });
    const shortWait = waiting(2, { visitId: "short", scheduledStart: "2026-12-07T15:10:00Z" });
    const longWait = waiting(8, { visitId: "long", scheduledStart: "2026-12-07T15:45:00Z" });
    const later = waiting(20, { visitId: "later", scheduledStart: "2026-12-07T16:00:00Z" });
    const ordered = orderBoardRows(
      [later, first, shortWait, early, longWait, earlyWaiting],
      NOW,
      ZONE,
    );
    expect(ordered.map((each) => each.visitId)).toEqual([
      "early",
      "early-waiting",
      "long",
      "short",
      "first",
      "later",
    ]);
  });
});
