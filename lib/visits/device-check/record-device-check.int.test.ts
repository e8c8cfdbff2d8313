import { describe, expect, it } from "vitest";

import { DeviceCheckStatus, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { recordDeviceCheck } from "@/lib/visits/device-check/record-device-check";
import { listVisits } from "@/lib/visits/list-visits";
import { createPatient, createVisit } from "@/prisma/factories";
import { appErrorOf } from "@/tests/support/app-error";
import { createClinic, viewerFor } from "@/tests/support/viewers";

const ALL_PASSED = {
  camera: DeviceCheckStatus.PASSED,
  microphone: DeviceCheckStatus.PASSED,
  speaker: DeviceCheckStatus.PASSED,
  roundTripMs: 40,
  downloadKbps: 25_000,
  browser: "chrome" as const,
};

async function clinicWithVisit() {
  const clinic = await createClinic(db);
  const visit = await createVisit(db, {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
  });
  return { ...clinic, visit };
}

const stored = (visitId: string) => db.visitDeviceCheck.findUnique({ where: { visitId } });
const audits = (visitId: string) =>
  db.auditEvent.count({ where: { targetId: visitId, action: "visit.device_check" } });

describe("recording a device check", () => {
  it("stores the patient's result on their visit, audited, and shows it in the care team's list", async () => {
    const clinic = await clinicWithVisit();
    const at = new Date();
    const result = await recordDeviceCheck({
      viewer: clinic.viewers.patient,
      visitId: clinic.visit.id,
      ...ALL_PASSED,
      now: at,
    });
    expect(result).toMatchObject({ isPassed: true, network: "GOOD", checkedAt: at });
    expect(await stored(clinic.visit.id)).toMatchObject({
      userId: clinic.patient.user.id,
      organizationId: clinic.organization.id,
      browser: "chrome",
      roundTripMs: 40,
    });
    expect(await audits(clinic.visit.id)).toBe(1);
    const visits = await listVisits({
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
    });
    expect(visits.upcoming[0]?.deviceCheck).toMatchObject({ isPassed: true, camera: "PASSED" });
  });

  it("decides the verdict itself: a blocked camera or a slow network fails, the latest run replaces the last", async () => {
    const clinic = await clinicWithVisit();
    const input = { viewer: clinic.viewers.patient, visitId: clinic.visit.id };
    const blocked = await recordDeviceCheck({
      ...input,
      ...ALL_PASSED,
      camera: DeviceCheckStatus.BLOCKED,
    });
    expect(blocked.isPassed).toBe(false);
    const slow = await recordDeviceCheck({ ...input, ...ALL_PASSED, downloadKbps: 200 });
    expect(slow).toMatchObject({ isPassed: false, network: "POOR", camera: "PASSED" });
    const offline = await recordDeviceCheck({
      ...input,
      ...ALL_PASSED,
      roundTripMs: null,
      downloadKbps: null,
    });
    expect(offline.network).toBe("OFFLINE");
    const fair = await recordDeviceCheck({
      ...input,
      ...ALL_PASSED,
      downloadKbps: 900,
      roundTripMs: 500,
    });
    expect(fair).toMatchObject({ isPassed: true, network: "FAIR" });
    expect(await db.visitDeviceCheck.count({ where: { visitId: clinic.visit.id } })).toBe(1);
    expect(await audits(clinic.visit.id)).toBe(4);
  });

  it("answers another patient's visit with 'not found' and stores nothing", async () => {
    const clinic = await clinicWithVisit();
    const other = await createPatient(db, { organizationId: clinic.organization.id });
    const error = await appErrorOf(
      recordDeviceCheck({
        viewer: viewerFor(other.user, other.subject.id),
        visitId: clinic.visit.id,
        ...ALL_PASSED,
      }),
    );
    expect(error.code).toBe("not_found");
    const foreign = await createClinic(db);
    const fromAnotherClinic = await appErrorOf(
      recordDeviceCheck({
        viewer: foreign.viewers.patient,
        visitId: clinic.visit.id,
        ...ALL_PASSED,
      }),
    );
    expect(fromAnotherClinic.code).toBe("not_found");
    expect(await stored(clinic.visit.id)).toBeNull();
    expect(await audits(clinic.visit.id)).toBe(0);
  });

  it("refuses staff, and visits that are over or cancelled", async () => {
    const clinic = await clinicWithVisit();
    const staff = await appErrorOf(
      recordDeviceCheck({
        viewer: clinic.viewers.provider,
        visitId: clinic.visit.id,
        ...ALL_PASSED,
      }),
    );
    expect(staff.code).toBe("forbidden");
    const cancelled = await createVisit(db, {
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      status: VisitStatus.CANCELLED,
    });
    const past = await createVisit(db, {
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      scheduledStart: new Date(Date.now() - 3 * 3_600_000),
    });
    for (const visitId of [cancelled.id, past.id]) {
      const error = await appErrorOf(
        recordDeviceCheck({ viewer: clinic.viewers.patient, visitId, ...ALL_PASSED }),
      );
      expect(error.code).toBe("conflict");
      expect(await stored(visitId)).toBeNull();
    }
    expect(await stored(clinic.visit.id)).toBeNull();
  });
});
