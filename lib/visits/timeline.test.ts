import { describe, expect, it } from "vitest";

import { VisitStatus } from "@/generated/prisma/enums";
import { groupVisitsByPhase, joinOpensAt, scheduledEndOf, visitPhase } from "@/lib/visits/timeline";

const NOW = new Date("2026-11-23T15:00:00Z");
const at = (iso: string, status: VisitStatus = VisitStatus.SCHEDULED, durationMinutes = 30) => ({
  scheduledStart: new Date(iso),
  durationMinutes,
  status,
});

describe("visit timeline", () => {
  it("computes the scheduled end and when joining opens", () => {
    expect(scheduledEndOf(at("2026-11-23T15:00:00Z")).toISOString()).toBe(
      "2026-11-23T15:30:00.000Z",
    );
    expect(joinOpensAt(at("2026-11-23T15:00:00Z")).toISOString()).toBe("2026-11-23T14:45:00.000Z");
  });

  it("treats ended and cancelled visits as past, whatever their time", () => {
    expect(visitPhase(at("2026-11-24T10:00:00Z", VisitStatus.CANCELLED), NOW)).toBe("past");
    expect(visitPhase(at("2026-11-23T14:50:00Z", VisitStatus.ENDED), NOW)).toBe("past");
  });

  it("keeps a visit Zoom reports in progress in progress, even after its scheduled end", () => {
    expect(visitPhase(at("2026-11-23T13:00:00Z", VisitStatus.IN_PROGRESS), NOW)).toBe(
      "in_progress",
    );
  });

  it("puts a scheduled visit in progress during its time, and past after it", () => {
    expect(visitPhase(at("2026-11-23T15:00:01Z"), NOW)).toBe("upcoming");
    expect(visitPhase(at("2026-11-23T14:40:00Z"), NOW)).toBe("in_progress");
    expect(visitPhase(at("2026-11-23T14:30:00Z"), NOW)).toBe("past");
  });

  it("orders in progress and upcoming soonest first, past latest first", () => {
    const visits = [
      at("2026-11-25T10:00:00Z"),
      at("2026-11-20T10:00:00Z"),
      at("2026-11-24T10:00:00Z"),
      at("2026-11-21T10:00:00Z"),
      at("2026-11-23T14:50:00Z"),
    ];
    const groups = groupVisitsByPhase(visits, NOW);
    expect(groups.in_progress).toHaveLength(1);
    expect(groups.upcoming.map((v) => v.scheduledStart.getUTCDate())).toEqual([24, 25]);
    expect(groups.past.map((v) => v.scheduledStart.getUTCDate())).toEqual([21, 20]);
  });
});
