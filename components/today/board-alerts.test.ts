import { describe, expect, it } from "vitest";

import { decideAlerts } from "@/components/today/board-alerts";
import { PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import type { BoardRow } from "@/lib/today/types";

const NOW = new Date("2026-12-07T15:40:00Z");
const ME = "provider-me";

function waitingRow(visitId: string, minutesAgo: number, extra: Partial<BoardRow> = {}): BoardRow {
  return {
    visitId,
    scheduledStart: "2026-12-07T15:30:00Z",
    durationMinutes: 30,
    status: VisitStatus.SCHEDULED,
    patientPresence: PatientPresence.WAITING,
    patientWaitingSince: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
    isProviderPresent: false,
    providerJoinedAt: null,
    noShowAt: null,
    subject: { id: "s", name: "Ada Lovelace", recordNumber: "R1" },
    provider: { id: "someone", name: "Grace Hopper" },
    deviceCheck: null,
    guests: [],
    ...extra,
  };
}

describe("decideAlerts", () => {
  it("does not chime for patients already waiting when the board opened", () => {
    const first = decideAlerts(null, [waitingRow("a", 1), waitingRow("b", 9)], NOW, ME, 5);
    expect(first).toMatchObject({ arrivals: 0, nudges: 0 });
    // b was already past the threshold: no nudge later either.
    const later = new Date(NOW.getTime() + 60_000);
    const next = decideAlerts(
      first.alerted,
      [waitingRow("a", 1), waitingRow("b", 9)],
      later,
      ME,
      5,
    );
    expect(next).toMatchObject({ arrivals: 0, nudges: 0 });
  });

  it("chimes once on arrival, nudges once past the threshold", () => {
    const opened = decideAlerts(null, [], NOW, ME, 5);
    const arrived = decideAlerts(opened.alerted, [waitingRow("a", 0)], NOW, ME, 5);
    expect(arrived).toMatchObject({ arrivals: 1, nudges: 0 });
    const same = decideAlerts(arrived.alerted, [waitingRow("a", 0)], NOW, ME, 5);
    expect(same).toMatchObject({ arrivals: 0, nudges: 0 });
    const long = decideAlerts(same.alerted, [waitingRow("a", 5)], NOW, ME, 5);
    expect(long).toMatchObject({ arrivals: 0, nudges: 1 });
    const longer = decideAlerts(long.alerted, [waitingRow("a", 8)], NOW, ME, 5);
    expect(longer).toMatchObject({ arrivals: 0, nudges: 0 });
  });

  it("stays quiet for a visit whose meeting I am in", () => {
    const mine = { provider: { id: ME, name: "Me" }, isProviderPresent: true };
    const opened = decideAlerts(null, [], NOW, ME, 5);
    const arrived = decideAlerts(opened.alerted, [waitingRow("a", 6, mine)], NOW, ME, 5);
    expect(arrived).toMatchObject({ arrivals: 0, nudges: 0 });
  });
});
