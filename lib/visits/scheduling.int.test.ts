import { describe, expect, it } from "vitest";

import { Role, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { type AppError, isAppError } from "@/lib/errors";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { viewerFor } from "@/tests/support/viewers";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { instantToZonedTime } from "@/lib/time-zone";
import { cancelVisit } from "@/lib/visits/cancel-visit";
import { getJoinUrl } from "@/lib/visits/join-visit";
import { openMeetingUrl } from "@/lib/visits/meeting-record";
import { rescheduleVisit } from "@/lib/visits/reschedule-visit";
import { scheduleVisit } from "@/lib/visits/schedule-visit";
import { getZoomMeeting } from "@/lib/zoom/api/meetings";
import { createPatient, createUser } from "@/prisma/factories";

const context = withZoomEmulator();

const TZ = "America/New_York";
const HOUR = 3_600_000;

type Meeting = { id: number; isDeleted: boolean; hostId: string; joinUrl: string };
const meetingOf = async (zoomMeetingId: bigint | null) =>
  (await context.zoom.control<{ meetings: Meeting[] }>("GET", "/state")).meetings.find(
    (meeting) => BigInt(meeting.id) === zoomMeetingId,
  );

/** The wall-clock date and time, in the clinic's zone, of an instant this many hours from now (whole 5 minutes). */
function hoursFromNow(hours: number) {
  const instant = new Date(Math.ceil((Date.now() + hours * HOUR) / 300_000) * 300_000);
  return { instant, ...instantToZonedTime(instant, TZ) };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

describe("scheduling video visits", () => {
  it("schedules a visit in the clinic's time zone with a Zoom meeting hosted by the provider", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const at = hoursFromNow(26);
    const visit = await scheduleVisit({
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      date: at.date,
      time: at.time,
      durationMinutes: 45,
    });
    expect(visit.scheduledStart.toISOString()).toBe(at.instant.toISOString());
    const stored = await db.visit.findUniqueOrThrow({
      where: { id: visit.id },
      select: { zoomMeetingId: true, zoomJoinUrl: true, durationMinutes: true, status: true },
    });
    expect(stored).toMatchObject({ durationMinutes: 45, status: VisitStatus.SCHEDULED });
    const meeting = await meetingOf(stored.zoomMeetingId);
    expect(meeting).toMatchObject({
      isDeleted: false,
      joinUrl: openMeetingUrl(stored.zoomJoinUrl ?? "", visit.id, "zoomJoinUrl"),
    });
    expect(
      await db.auditEvent.count({ where: { targetId: visit.id, action: "visit.schedule" } }),
    ).toBe(1);
  });

  it("refuses the past, a time the clocks skip, an overlap, and a provider from elsewhere", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const base = {
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      durationMinutes: 30,
    };
    const past = hoursFromNow(-2);
    expect(
      (await failure(scheduleVisit({ ...base, date: past.date, time: past.time }))).extra.fields
        ?.date,
    ).toEqual(["Choose a date and time in the future."]);
    expect(
      (await failure(scheduleVisit({ ...base, date: "2030-03-10", time: "02:30" }))).extra.fields
        ?.time?.[0],
    ).toMatch(/does not exist/);

    const at = hoursFromNow(50);
    await scheduleVisit({ ...base, date: at.date, time: at.time });
    const clash = await failure(
      scheduleVisit({
        ...base,
        date: at.date,
        time: instantToZonedTime(new Date(at.instant.getTime() + 15 * 60_000), TZ).time,
      }),
    );
    expect(clash.code).toBe("conflict");
    expect(clash.publicMessage).toMatch(/already has a visit/);

    const elsewhere = await createLinkedClinic(context.zoom);
    const foreign = await failure(
      scheduleVisit({ ...base, providerId: elsewhere.provider.id, date: at.date, time: "23:55" }),
    );
    expect(foreign.extra.fields?.providerId).toEqual(["Choose a provider from the list."]);
    expect(await db.visit.count({ where: { subjectId: clinic.patient.subject.id } })).toBe(1);
  });

  it("refuses a date not on the calendar or over 2 years ahead, and creates no meeting", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const base = {
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      time: "10:00",
      durationMinutes: 30,
    };
    const meetingCount = async () =>
      (await context.zoom.control<{ meetings: Meeting[] }>("GET", "/state")).meetings.length;
    const meetingsBefore = await meetingCount();
    const nextYear = new Date().getUTCFullYear() + 1;
    for (const date of [`${nextYear}-02-30`, `${nextYear}-14-34`, `${nextYear}-02-00`]) {
      expect((await failure(scheduleVisit({ ...base, date }))).extra.fields).toEqual({
        date: ["Choose a date that exists."],
      });
    }
    for (const date of ["9999-12-01", "2212-12-01", hoursFromNow(2 * 366 * 24).date]) {
      const error = await failure(scheduleVisit({ ...base, date }));
      expect(error.code).toBe("bad_request");
      expect(error.extra.fields).toEqual({ date: ["Choose a date within the next 2 years."] });
    }
    expect(await db.visit.count({ where: { subjectId: clinic.patient.subject.id } })).toBe(0);

    const at = hoursFromNow(30);
    const visit = await scheduleVisit({ ...base, date: at.date, time: at.time });
    const move = (date: string) =>
      failure(
        rescheduleVisit({
          viewer: base.viewer,
          visitId: visit.id,
          date,
          time: "10:00",
          durationMinutes: 30,
        }),
      );
    expect((await move(`${nextYear}-02-30`)).extra.fields?.date).toEqual([
      "Choose a date that exists.",
    ]);
    expect((await move("9999-12-01")).extra.fields?.date).toEqual([
      "Choose a date within the next 2 years.",
    ]);
    expect(
      await db.visit.findUniqueOrThrow({
        where: { id: visit.id },
        select: { scheduledStart: true },
      }),
    ).toEqual({ scheduledStart: at.instant });
    expect(await meetingCount()).toBe(meetingsBefore + 1);
  });

  it("says so clearly when the provider's Zoom mapping is wrong, and creates nothing", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const owner = clinic.account.users.find((user) => user.email === clinic.ownerEmail);
    await db.user.update({
      where: { id: clinic.provider.id },
      data: { videoConferenceUserId: owner?.id, videoConferenceUserIdSource: "MANUAL" },
    });
    const at = hoursFromNow(30);
    const error = await failure(
      scheduleVisit({
        viewer: clinic.viewers.provider,
        subjectId: clinic.patient.subject.id,
        providerId: clinic.provider.id,
        date: at.date,
        time: at.time,
        durationMinutes: 30,
      }),
    );
    expect(error.code).toBe("conflict");
    expect(error.publicMessage).toMatch(/Video Conference User ID/);
    expect(await db.visit.count({ where: { subjectId: clinic.patient.subject.id } })).toBe(0);
  });

  it("moves the Zoom meeting with a rescheduled visit, keeping the patient's link", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const at = hoursFromNow(30);
    const visit = await scheduleVisit({
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      date: at.date,
      time: at.time,
      durationMinutes: 30,
    });
    const before = await db.visit.findUniqueOrThrow({
      where: { id: visit.id },
      select: { zoomMeetingId: true, zoomJoinUrl: true },
    });
    const later = hoursFromNow(54);
    await rescheduleVisit({
      viewer: clinic.viewers.admin,
      visitId: visit.id,
      date: later.date,
      time: later.time,
      durationMinutes: 60,
    });
    const after = await db.visit.findUniqueOrThrow({
      where: { id: visit.id },
      select: {
        zoomMeetingId: true,
        zoomJoinUrl: true,
        scheduledStart: true,
        durationMinutes: true,
      },
    });
    expect(after).toMatchObject({ ...before, durationMinutes: 60, scheduledStart: later.instant });
    const zoomSide = await getZoomMeeting(clinic.connection, after.zoomMeetingId ?? 0n);
    expect({ start: zoomSide.start_time, duration: zoomSide.duration }).toEqual({
      start: later.instant.toISOString().replace(".000Z", "Z"),
      duration: 60,
    });
    expect(
      await db.auditEvent.count({ where: { targetId: visit.id, action: "visit.reschedule" } }),
    ).toBe(1);
  });

  it("cancels a visit by deleting its Zoom meeting too, and refuses to change it afterwards", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const at = hoursFromNow(30);
    const visit = await scheduleVisit({
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      date: at.date,
      time: at.time,
      durationMinutes: 30,
    });
    const { zoomMeetingId } = await db.visit.findUniqueOrThrow({
      where: { id: visit.id },
      select: { zoomMeetingId: true },
    });
    await expect(
      cancelVisit({ viewer: clinic.viewers.provider, visitId: visit.id }),
    ).resolves.toMatchObject({ status: VisitStatus.CANCELLED, isMeetingDeleted: true });
    expect((await meetingOf(zoomMeetingId))?.isDeleted).toBe(true);
    expect(
      (await failure(cancelVisit({ viewer: clinic.viewers.provider, visitId: visit.id })))
        .publicMessage,
    ).toBe("This visit was cancelled.");
    const later = hoursFromNow(40);
    expect(
      (
        await failure(
          rescheduleVisit({
            viewer: clinic.viewers.provider,
            visitId: visit.id,
            date: later.date,
            time: later.time,
            durationMinutes: 30,
          }),
        )
      ).code,
    ).toBe("conflict");
    expect(
      (await failure(getJoinUrl({ viewer: clinic.viewers.patient, visitId: visit.id }))).extra
        .fields?.join,
    ).toEqual(["cancelled"]);
  });

  it("keeps visits of other organizations and of patients out of reach", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const other = await createLinkedClinic(context.zoom);
    const at = hoursFromNow(30);
    const visit = await scheduleVisit({
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      date: at.date,
      time: at.time,
      durationMinutes: 30,
    });
    expect(
      (await failure(cancelVisit({ viewer: other.viewers.provider, visitId: visit.id }))).code,
    ).toBe("not_found");
    expect(
      (await failure(cancelVisit({ viewer: clinic.viewers.patient, visitId: visit.id }))).code,
    ).toBe("forbidden");
    expect(
      (
        await failure(
          scheduleVisit({
            viewer: other.viewers.provider,
            subjectId: clinic.patient.subject.id,
            providerId: other.provider.id,
            date: at.date,
            time: at.time,
            durationMinutes: 30,
          }),
        )
      ).code,
    ).toBe("not_found");
  });
});

describe("joining", () => {
  it("gives the host a fresh start URL, other staff the join URL, and the patient the join URL from 15 minutes before", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const coordinator = viewerFor(
      await createUser(db, { organizationId: clinic.organization.id, role: Role.CARE_TEAM }),
    );
    const at = hoursFromNow(1);
    const visit = await scheduleVisit({
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      date: at.date,
      time: at.time,
      durationMinutes: 30,
    });
    const stored = await db.visit.findUniqueOrThrow({
      where: { id: visit.id },
      select: { zoomJoinUrl: true },
    });
    const joinUrl = openMeetingUrl(stored.zoomJoinUrl ?? "", visit.id, "zoomJoinUrl");

    expect(await getJoinUrl({ viewer: clinic.viewers.provider, visitId: visit.id })).toMatch(
      /\/s\/\d+\?zak=/,
    );
    // Everyone but the host gets their own registrant link to the same meeting (decision 038).
    const ownLink: unknown = expect.stringMatching(
      new RegExp(`^${new URL(joinUrl).origin}${new URL(joinUrl).pathname}\\?.*tk=`),
    );
    const coordinatorUrl = await getJoinUrl({ viewer: coordinator, visitId: visit.id });
    expect(coordinatorUrl).toEqual(ownLink);
    const early = await failure(
      getJoinUrl({
        viewer: clinic.viewers.patient,
        visitId: visit.id,
        now: new Date(at.instant.getTime() - 20 * 60_000),
      }),
    );
    expect(early.extra.fields?.join).toEqual(["not_yet"]);
    expect(early.publicMessage).toMatch(/You can join from/);
    expect(
      await getJoinUrl({
        viewer: clinic.viewers.patient,
        visitId: visit.id,
        now: new Date(at.instant.getTime() - 10 * 60_000),
      }),
    ).toEqual(ownLink);

    const neighbour = await createPatient(db, { organizationId: clinic.organization.id });
    expect(
      (
        await failure(
          getJoinUrl({
            viewer: viewerFor(neighbour.user, neighbour.subject.id),
            visitId: visit.id,
          }),
        )
      ).code,
    ).toBe("not_found");
    expect(await db.auditEvent.count({ where: { targetId: visit.id, action: "visit.join" } })).toBe(
      3,
    );
  });
});
