import "server-only";

import { DeviceCheckStatus, Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishVisitChanged } from "@/lib/realtime/publish-visit-changed";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { rateNetwork } from "@/lib/visits/device-check/constants";
import { deviceCheckSummarySelect } from "@/lib/visits/device-check/device-check-select";
import type { RecordDeviceCheckInput } from "@/lib/visits/device-check/schemas";
import type { DeviceCheckSummary } from "@/lib/visits/device-check/types";
import { deriveVisitPhase, isClosedPhase, visitPhaseSelect } from "@/lib/visits/visit-phase";
import { visitsVisibleTo } from "@/lib/visits/visibility";

export type RecordDeviceCheckOptions = RecordDeviceCheckInput & { viewer: Viewer; now?: Date };

/**
 * Stores the patient's device check on their visit (the latest replaces the one before), with the
 * network's grade and the overall verdict decided here, not by the browser. Audited.
 */
export async function recordDeviceCheck({
  viewer,
  visitId,
  camera,
  microphone,
  speaker,
  roundTripMs,
  downloadKbps,
  browser,
  now = new Date(),
}: RecordDeviceCheckOptions): Promise<DeviceCheckSummary> {
  const visit = await db.visit.findFirst({
    where: { AND: [{ id: visitId }, visitsVisibleTo(viewer)] },
    select: { id: true, subjectId: true, ...visitPhaseSelect },
  });
  if (!visit) throw new AppError("not_found", "Visit not found");
  if (viewer.role !== Role.PATIENT)
    throw new AppError("forbidden", "Only the patient records a device check");
  if (isClosedPhase(deriveVisitPhase(visit, now))) {
    const message = "This visit is over, so the result was not saved.";
    throw new AppError("conflict", message, { userMessage: message });
  }
  const network = rateNetwork(roundTripMs, downloadKbps);
  const isPassed =
    [camera, microphone, speaker].every((part) => part === DeviceCheckStatus.PASSED) &&
    (network === "GOOD" || network === "FAIR");
  const data = {
    organizationId: viewer.organizationId,
    userId: viewer.id,
    checkedAt: now,
    isPassed,
    camera,
    microphone,
    speaker,
    network,
    roundTripMs,
    downloadKbps,
    browser,
  };
  return db.$transaction(async (tx) => {
    const stored = await tx.visitDeviceCheck.upsert({
      where: { visitId: visit.id },
      create: { visitId: visit.id, ...data },
      update: data,
      select: deviceCheckSummarySelect,
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "visit.device_check",
      targetType: "visit",
      targetId: visit.id,
      subjectId: visit.subjectId,
      details: { isPassed, camera, microphone, speaker, network },
    });
    // Open Today boards show the result at once (their row is read again).
    await publishVisitChanged(tx, visit.id);
    return stored;
  });
}
