import { describe, expect, it } from "vitest";

import { PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import {
  deriveVisitPhase,
  groupVisitsByList,
  isChangeablePhase,
  isClosedPhase,
  joinOpensAt,
  scheduledEndOf,
  VISIT_LIST_OF_PHASE,
  type VisitPhase,
  type VisitPhaseFacts,
} from "@/lib/visits/visit-phase";

const NOW = new Date("2026-11-23T15:00:00Z");
const minutesFromNow = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

function visit(overrides: Partial<VisitPhaseFacts> = {}): VisitPhaseFacts {
  return {
    status: VisitStatus.SCHEDULED,
    scheduledStart: minutesFromNow(60),
    durationMinutes: 30,
    startedAt: null,
    endedAt: null,
    cancelledAt: null,
    noShowAt: null,
    patientPresence: PatientPresence.NOT_JOINED,
    isProviderPresent: false,
    ...overrides,
  };
}

const phaseOf = (overrides: Partial<VisitPhaseFacts>) => deriveVisitPhase(visit(overrides), NOW);

describe("deriveVisitPhase: the complaints of issue 16 item 7", () => {
  it("puts a visit whose patient is in the meeting in progress, even before its start", () => {
    const early = { status: VisitStatus.IN_PROGRESS, startedAt: minutesFromNow(-2) };
    expect(phaseOf({ ...early, patientPresence: PatientPresence.IN_MEETING })).toBe("live");
    expect(VISIT_LIST_OF_PHASE.live).toBe("in_progress");
  });

  it("offers no Reschedule or Cancel once someone is in the visit, or once it is over", () => {
    const live: Partial<VisitPhaseFacts>[] = [
      { patientPresence: PatientPresence.WAITING },
      { patientPresence: PatientPresence.IN_MEETING },
      { isProviderPresent: true },
      { status: VisitStatus.IN_PROGRESS, startedAt: minutesFromNow(-1) },
    ];
    for (const overrides of live) {
      expect(phaseOf(overrides)).toBe("live");
      expect(isChangeablePhase(phaseOf(overrides))).toBe(false);
    }
    expect(isChangeablePhase(phaseOf({ status: VisitStatus.ENDED }))).toBe(false);
    expect(isChangeablePhase(phaseOf({}))).toBe(true);
    expect(isChangeablePhase(phaseOf({ scheduledStart: minutesFromNow(-5) }))).toBe(true);
  });

  it("moves a visit to Past as soon as its meeting is ended for all, even before its start", () => {
    const ended = {
      status: VisitStatus.ENDED,
      startedAt: minutesFromNow(-20),
      endedAt: minutesFromNow(-1),
      patientPresence: PatientPresence.LEFT,
      isProviderPresent: false,
    };
    expect(phaseOf({ ...ended, scheduledStart: minutesFromNow(30) })).toBe("ended");
    expect(phaseOf({ ...ended, scheduledStart: minutesFromNow(-10) })).toBe("ended");
    expect(VISIT_LIST_OF_PHASE.ended).toBe("past");
    // The stored endedAt alone is enough (a status not yet recomputed).
    expect(phaseOf({ status: VisitStatus.IN_PROGRESS, endedAt: minutesFromNow(-1) })).toBe("ended");
  });

  it("calls an instant meeting nobody started ended once its slot is over, then no-show", () => {
    const instant = { scheduledStart: minutesFromNow(-31), durationMinutes: 30 };
    expect(phaseOf(instant)).toBe("ended");
    expect(phaseOf({ ...instant, noShowAt: minutesFromNow(-1) })).toBe("no_show");
  });
});

describe("deriveVisitPhase: every rule, in order", () => {
  it("follows the clock for a visit nobody joined: upcoming, joinable 15 minutes before, ended", () => {
    const start = { durationMinutes: 30 };
    expect(phaseOf({ ...start, scheduledStart: minutesFromNow(16) })).toBe("upcoming");
    expect(phaseOf({ ...start, scheduledStart: minutesFromNow(15) })).toBe("joinable");
    expect(phaseOf({ ...start, scheduledStart: minutesFromNow(0) })).toBe("joinable");
    expect(phaseOf({ ...start, scheduledStart: minutesFromNow(-29) })).toBe("joinable");
    expect(phaseOf({ ...start, scheduledStart: minutesFromNow(-30) })).toBe("ended");
  });

  it("says cancelled whatever else is recorded", () => {
    expect(phaseOf({ status: VisitStatus.CANCELLED, noShowAt: NOW })).toBe("cancelled");
    expect(phaseOf({ cancelledAt: NOW, patientPresence: PatientPresence.WAITING })).toBe(
      "cancelled",
    );
  });

  it("keeps a no-show of an ended meeting a no-show", () => {
    expect(phaseOf({ status: VisitStatus.ENDED, noShowAt: NOW })).toBe("no_show");
  });

  it("lets a patient who arrives after the no-show mark make the visit live", () => {
    const marked = { noShowAt: minutesFromNow(-1), scheduledStart: minutesFromNow(-50) };
    expect(phaseOf({ ...marked, patientPresence: PatientPresence.WAITING })).toBe("live");
    // The provider alone in the meeting does not undo the mark: nobody came.
    expect(phaseOf({ ...marked, status: VisitStatus.IN_PROGRESS, isProviderPresent: true })).toBe(
      "no_show",
    );
    expect(phaseOf({ ...marked, patientPresence: PatientPresence.LEFT })).toBe("no_show");
  });

  it("keeps a started meeting live after its slot, until Zoom says it ended", () => {
    const late = { scheduledStart: minutesFromNow(-120), durationMinutes: 30 };
    expect(phaseOf({ ...late, status: VisitStatus.IN_PROGRESS })).toBe("live");
    expect(phaseOf({ ...late, startedAt: minutesFromNow(-100) })).toBe("live");
  });

  it("does not count a patient who left as present", () => {
    expect(phaseOf({ patientPresence: PatientPresence.LEFT })).toBe("upcoming");
  });

  it("reads times given as ISO strings (live messages) as it reads dates", () => {
    const facts = visit({ scheduledStart: minutesFromNow(5), noShowAt: null });
    const asStrings = { ...facts, scheduledStart: minutesFromNow(5).toISOString() };
    expect(deriveVisitPhase(asStrings, NOW)).toBe(deriveVisitPhase(facts, NOW));
    expect(deriveVisitPhase({ ...asStrings, endedAt: NOW.toISOString() }, NOW)).toBe("ended");
  });
});

describe("phase helpers", () => {
  it("computes the slot's end and when joining opens", () => {
    const start = new Date("2026-11-23T15:00:00Z");
    expect(scheduledEndOf({ scheduledStart: start, durationMinutes: 30 }).toISOString()).toBe(
      "2026-11-23T15:30:00.000Z",
    );
    expect(joinOpensAt({ scheduledStart: start }).toISOString()).toBe("2026-11-23T14:45:00.000Z");
  });

  it("closes exactly the ended, no-show and cancelled phases", () => {
    const phases: VisitPhase[] = ["upcoming", "joinable", "live", "ended", "no_show", "cancelled"];
    expect(phases.filter(isClosedPhase)).toEqual(["ended", "no_show", "cancelled"]);
    expect(phases.filter(isChangeablePhase)).toEqual(["upcoming", "joinable"]);
    expect(phases.map((phase) => VISIT_LIST_OF_PHASE[phase])).toEqual([
      "upcoming",
      "in_progress",
      "in_progress",
      "past",
      "past",
      "past",
    ]);
  });

  it("lists in progress and upcoming soonest first, past latest first", () => {
    const visits = [
      visit({ scheduledStart: minutesFromNow(48 * 60) }),
      visit({ scheduledStart: minutesFromNow(-72 * 60), status: VisitStatus.ENDED }),
      visit({ scheduledStart: minutesFromNow(24 * 60) }),
      visit({ scheduledStart: minutesFromNow(-48 * 60), status: VisitStatus.ENDED }),
      visit({ scheduledStart: minutesFromNow(-10) }),
      visit({ scheduledStart: minutesFromNow(90), status: VisitStatus.CANCELLED }),
    ];
    const lists = groupVisitsByList(visits, NOW);
    const minutes = (list: VisitPhaseFacts[]) =>
      list.map((each) => (new Date(each.scheduledStart).getTime() - NOW.getTime()) / 60_000);
    expect(minutes(lists.in_progress)).toEqual([-10]);
    expect(minutes(lists.upcoming)).toEqual([24 * 60, 48 * 60]);
    expect(minutes(lists.past)).toEqual([90, -48 * 60, -72 * 60]);
  });
});
