import { describe, expect, it } from "vitest";

import {
  DeviceCheckStatus,
  GuestRelationship,
  NetworkQuality,
  ParticipantRole,
  PatientPresence,
  Role,
} from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { resolveBoardScope } from "@/lib/today/board-scope";
import { listBoardRows } from "@/lib/today/list-board-rows";
import { appErrorOf } from "@/tests/support/app-error";
import { createClinic } from "@/tests/support/viewers";
import { createUser, createVisit } from "@/prisma/factories";

const DAY = "2026-12-07";
const at = (time: string) => new Date(`${DAY}T${time}:00-05:00`); // New York, winter

describe("the Today board's rows", () => {
  it("shows the viewer's visits of the clinic's day, the whole clinic's, or one provider's", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    const colleague = await createUser(db, { organizationId, role: Role.CARE_TEAM });
    const subjectId = clinic.patient.subject.id;
    const mine = await createVisit(db, {
      organizationId,
      subjectId,
      providerId: clinic.provider.id,
      scheduledStart: at("09:00"),
    });
    const theirs = await createVisit(db, {
      organizationId,
      subjectId,
      providerId: colleague.id,
      scheduledStart: at("23:30"),
    });
    // 00:30 on the 8th in New York: the next day's board, not this one.
    await createVisit(db, {
      organizationId,
      subjectId,
      providerId: clinic.provider.id,
      scheduledStart: new Date(`2026-12-08T00:30:00-05:00`),
    });
    const viewer = clinic.viewers.provider;
    const ids = async (who: string) => {
      const scope = await resolveBoardScope(viewer, { date: DAY, who });
      return (await listBoardRows({ viewer, scope })).map((row) => row.visitId);
    };
    expect(await ids("mine")).toEqual([mine.id]);
    expect(await ids("clinic")).toEqual([mine.id, theirs.id]);
    expect(await ids(colleague.id)).toEqual([theirs.id]);
    const audited = await db.auditEvent.count({
      where: { actorUserId: viewer.id, action: "today.view" },
    });
    expect(audited).toBe(3);
  });

  it("gives each row in the board's shape: names, device check and the guests there now", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    const visit = await createVisit(db, {
      organizationId,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      scheduledStart: at("10:00"),
    });
    const check = {
      isPassed: false,
      camera: DeviceCheckStatus.BLOCKED,
      microphone: DeviceCheckStatus.PASSED,
      speaker: DeviceCheckStatus.PASSED,
      network: NetworkQuality.POOR,
      roundTripMs: 480,
      downloadKbps: null,
    };
    await db.visitDeviceCheck.create({
      data: {
        visitId: visit.id,
        organizationId,
        userId: clinic.patient.user.id,
        checkedAt: at("09:55"),
        ...check,
      },
    });
    const guest = (relationship: GuestRelationship, suffix: string) =>
      db.visitGuest.create({
        data: {
          organizationId,
          visitId: visit.id,
          name: `Guest ${suffix}`,
          relationship,
          tokenHash: `hash-${visit.id}-${suffix}`,
          unusedUntil: at("11:00"),
          createdById: clinic.provider.id,
        },
      });
    const [interpreter, family, gone] = await Promise.all([
      guest(GuestRelationship.INTERPRETER, "a"),
      guest(GuestRelationship.FAMILY, "b"),
      guest(GuestRelationship.CAREGIVER, "c"),
    ]);
    const stay = (guestId: string, sequence: number, times: object) =>
      db.attendance.create({
        data: {
          visitId: visit.id,
          participantKey: `p-${guestId}`,
          sequence,
          role: ParticipantRole.GUEST,
          guestId,
          ...times,
        },
      });
    await stay(interpreter.id, 0, { waitingRoomJoinedAt: at("10:01"), joinedAt: at("10:02") });
    await stay(family.id, 0, { waitingRoomJoinedAt: at("10:03") });
    await stay(gone.id, 0, { joinedAt: at("10:01"), leftAt: at("10:04") });
    const viewer = clinic.viewers.provider;
    const scope = await resolveBoardScope(viewer, { date: DAY, who: "mine" });
    const [row] = await listBoardRows({ viewer, scope });
    expect(row).toEqual({
      visitId: visit.id,
      scheduledStart: at("10:00").toISOString(),
      durationMinutes: (await db.visit.findUniqueOrThrow({ where: { id: visit.id } }))
        .durationMinutes,
      status: visit.status,
      patientPresence: PatientPresence.NOT_JOINED,
      patientWaitingSince: null,
      isProviderPresent: false,
      providerJoinedAt: null,
      noShowAt: null,
      subject: {
        id: clinic.patient.subject.id,
        name: `${clinic.patient.subject.firstName} ${clinic.patient.subject.lastName}`,
        recordNumber: clinic.patient.subject.recordNumber,
      },
      provider: {
        id: clinic.provider.id,
        name: `${clinic.provider.firstName} ${clinic.provider.lastName}`,
      },
      deviceCheck: { checkedAt: at("09:55").toISOString(), ...check },
      guests: [
        { id: interpreter.id, relationship: GuestRelationship.INTERPRETER, isInMeeting: true },
        { id: family.id, relationship: GuestRelationship.FAMILY, isInMeeting: false },
      ],
    });
  });

  it("answers 'not found' for another clinic's provider, and for a patient", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    const foreign = await appErrorOf(
      resolveBoardScope(clinic.viewers.provider, { date: DAY, who: other.provider.id }),
    );
    expect(foreign.code).toBe("not_found");
    const patientAsProvider = await appErrorOf(
      resolveBoardScope(clinic.viewers.provider, { date: DAY, who: clinic.patient.user.id }),
    );
    expect(patientAsProvider.code).toBe("not_found");
    const patient = await appErrorOf(
      resolveBoardScope(clinic.viewers.patient, { date: DAY, who: "clinic" }),
    );
    expect(patient.code).toBe("not_found");
  });
});
