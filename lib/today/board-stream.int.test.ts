import { describe, expect, it } from "vitest";

import { PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { changeHub } from "@/lib/realtime/change-hub";
import { VISIT_CHANGED_CHANNEL } from "@/lib/realtime/channels";
import { BoardFeed, readBoardVisit } from "@/lib/today/board-feed";
import { resolveBoardScope } from "@/lib/today/board-scope";
import { boardStream } from "@/lib/today/board-stream";
import { openBoardStream } from "@/lib/today/open-board-stream";
import { instantToZonedTime } from "@/lib/time-zone";
import { appErrorOf } from "@/tests/support/app-error";
import { sseFrames } from "@/tests/support/sse-frames";
import { createClinic } from "@/tests/support/viewers";
import { createVisit } from "@/prisma/factories";

type Clinic = Awaited<ReturnType<typeof createClinic>>;

const today = () => instantToZonedTime(new Date(), "America/New_York").date;

async function notify(visitId: string, data: Parameters<typeof db.visit.update>[0]["data"]) {
  await db.$transaction(async (tx) => {
    await tx.visit.update({ where: { id: visitId }, data });
    await tx.$executeRaw`SELECT pg_notify(${VISIT_CHANGED_CHANNEL}, ${visitId})`;
  });
}

/** A feed whose reads are counted, per visit. */
function countingFeed() {
  const reads = new Map<string, number>();
  const feed = new BoardFeed(changeHub, (visitId) => {
    reads.set(visitId, (reads.get(visitId) ?? 0) + 1);
    return readBoardVisit(visitId);
  });
  return { feed, reads };
}

async function openOn(feed: BoardFeed, clinic: Clinic, who: "mine" | "clinic") {
  const viewer = who === "mine" ? clinic.viewers.provider : clinic.viewers.admin;
  const scope = await resolveBoardScope(viewer, { date: today(), who });
  const abort = new AbortController();
  const next = sseFrames(boardStream({ viewer, scope, signal: abort.signal, feed }));
  return { next, abort };
}

describe("the Today board's stream", () => {
  it("reads a changed visit once for every board of the instance, and adds and drops rows", async () => {
    const clinic = await createClinic(db);
    const base = {
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
    };
    const visit = await createVisit(db, { ...base, scheduledStart: new Date() });
    await changeHub().ready();
    const { feed, reads } = countingFeed();
    const mine = await openOn(feed, clinic, "mine");
    const whole = await openOn(feed, clinic, "clinic");
    for (const board of [mine, whole])
      expect(await board.next()).toMatchObject({ event: "rows", data: [{ visitId: visit.id }] });

    const since = new Date(Date.now() - 60_000);
    await notify(visit.id, {
      patientPresence: PatientPresence.WAITING,
      patientWaitingSince: since,
    });
    for (const board of [mine, whole])
      expect(await board.next()).toMatchObject({
        event: "row",
        data: { visitId: visit.id, patientPresence: PatientPresence.WAITING },
      });
    expect(reads.get(visit.id)).toBe(1);

    // Scheduled while the boards are open: it appears; cancelled, it shows as cancelled.
    const added = await db.$transaction(async (tx) => {
      const created = await tx.visit.create({
        data: {
          ...base,
          createdById: base.providerId,
          scheduledStart: new Date(),
          durationMinutes: 30,
        },
        select: { id: true },
      });
      await tx.$executeRaw`SELECT pg_notify(${VISIT_CHANGED_CHANNEL}, ${created.id})`;
      return created;
    });
    for (const board of [mine, whole])
      expect(await board.next()).toMatchObject({ event: "row", data: { visitId: added.id } });
    await notify(added.id, { status: VisitStatus.CANCELLED, cancelledAt: new Date() });
    for (const board of [mine, whole])
      expect(await board.next()).toMatchObject({
        event: "row",
        data: { visitId: added.id, status: VisitStatus.CANCELLED },
      });
    // Moved to another day: it leaves both boards.
    await notify(added.id, { scheduledStart: new Date(Date.now() + 3 * 86_400_000) });
    for (const board of [mine, whole])
      expect(await board.next()).toEqual({ event: "gone", data: { visitId: added.id } });
    expect(reads.get(added.id)).toBe(3);
    for (const board of [mine, whole]) board.abort.abort();
  });

  it("keeps another clinic's visits off the board", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    await changeHub().ready();
    const { feed } = countingFeed();
    const whole = await openOn(feed, clinic, "clinic");
    expect(await whole.next()).toEqual({ event: "rows", data: [] });
    const foreign = await createVisit(db, {
      organizationId: other.organization.id,
      subjectId: other.patient.subject.id,
      providerId: other.provider.id,
      scheduledStart: new Date(),
    });
    await notify(foreign.id, { patientPresence: PatientPresence.WAITING });
    await expect(whole.next(1_000)).rejects.toThrow("No frame in time");
    whole.abort.abort();
  });

  it("refuses a user's sixth stream on the instance with 429, and frees a slot on close", async () => {
    const clinic = await createClinic(db);
    const viewer = clinic.viewers.provider;
    const query = { date: today(), who: "mine" };
    const aborts = Array.from({ length: 5 }, () => new AbortController());
    const streams = [];
    for (const abort of aborts)
      streams.push(await openBoardStream({ viewer, query, signal: abort.signal }));
    const refused = await appErrorOf(
      openBoardStream({ viewer, query, signal: new AbortController().signal }),
    );
    expect(refused.status).toBe(429);
    // Another user is not affected.
    const admin = new AbortController();
    await openBoardStream({ viewer: clinic.viewers.admin, query, signal: admin.signal });
    aborts[0]?.abort();
    const again = new AbortController();
    await openBoardStream({ viewer, query, signal: again.signal });
    for (const abort of [...aborts, admin, again]) abort.abort();
    expect(streams).toHaveLength(5);
  });
});
