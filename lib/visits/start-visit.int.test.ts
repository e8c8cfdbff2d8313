import { describe, expect, it } from "vitest";

import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { decryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { createClinic } from "@/tests/support/viewers";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { startVisit } from "@/lib/visits/start-visit";

const context = withZoomEmulator();

type Meeting = {
  id: number;
  hostId: string;
  settings: { waiting_room: boolean; join_before_host: boolean };
  topic: string;
  joinUrl: string;
};

describe("startVisit", () => {
  it("creates a Zoom meeting hosted by the care team member, with a waiting room, and stores it", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const { visit, startUrl } = await startVisit({
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
    });

    const provider = await db.user.findUniqueOrThrow({
      where: { id: clinic.provider.id },
      select: { videoConferenceUserId: true },
    });
    const state = await context.zoom.control<{ meetings: Meeting[] }>("GET", "/state");
    const meeting = state.meetings.find(
      (candidate) => BigInt(candidate.id) === visit.zoomMeetingId,
    );
    expect(meeting).toMatchObject({
      hostId: provider.videoConferenceUserId,
      settings: { waiting_room: true, join_before_host: false },
    });
    expect(meeting?.topic).not.toContain(clinic.patient.subject.lastName);

    const stored = await db.visit.findUniqueOrThrow({
      where: { id: visit.id },
      select: {
        zoomMeetingId: true,
        zoomMeetingUuid: true,
        zoomJoinUrl: true,
        zoomStartUrl: true,
        providerId: true,
        subjectId: true,
      },
    });
    expect(typeof stored.zoomMeetingId).toBe("bigint");
    expect(stored.zoomMeetingUuid).toBeTruthy();
    // The join URL's pwd= lets anyone in: stored encrypted like the start URL, each bound to the visit.
    expect(stored.zoomJoinUrl).toMatch(/^v2\./);
    expect(stored.zoomJoinUrl).not.toContain("pwd=");
    const joinUrl = decryptSecret(
      stored.zoomJoinUrl ?? "",
      sealedFields.visitMeeting(visit.id, "zoomJoinUrl"),
    );
    expect(joinUrl).toMatch(/\/j\/\d+\?pwd=/);
    expect(joinUrl).toBe(meeting?.joinUrl);
    expect(stored.zoomStartUrl).not.toBe(startUrl);
    expect(
      decryptSecret(stored.zoomStartUrl ?? "", sealedFields.visitMeeting(visit.id, "zoomStartUrl")),
    ).toBe(startUrl);
    expect(stored).toMatchObject({
      providerId: clinic.provider.id,
      subjectId: clinic.patient.subject.id,
    });
    expect(
      await db.auditEvent.count({ where: { targetId: visit.id, action: "visit.start" } }),
    ).toBe(1);
  });

  it("says Zoom is not linked, or needs relinking, instead of failing", async () => {
    const unlinked = await createClinic(db);
    const notLinked = await startVisit({
      viewer: unlinked.viewers.provider,
      subjectId: unlinked.patient.subject.id,
    }).catch((caught: unknown) => caught);
    expect(isAppError(notLinked, "conflict") && notLinked.publicMessage).toMatch(/not linked/);

    const broken = await createLinkedClinic(context.zoom);
    await db.zoomConnection.update({
      where: { id: broken.connection.id },
      data: { status: ZoomConnectionStatus.NEEDS_RELINK },
    });
    const relink = await startVisit({
      viewer: broken.viewers.provider,
      subjectId: broken.patient.subject.id,
    }).catch((caught: unknown) => caught);
    expect(isAppError(relink, "conflict") && relink.publicMessage).toMatch(/link Zoom again/);
  });

  it("hides other organizations' subjects and refuses patients", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const other = await createClinic(db);
    const foreign = await startVisit({
      viewer: clinic.viewers.provider,
      subjectId: other.patient.subject.id,
    }).catch((caught: unknown) => caught);
    expect(isAppError(foreign, "not_found")).toBe(true);
    const patient = await startVisit({
      viewer: clinic.viewers.patient,
      subjectId: clinic.patient.subject.id,
    }).catch((caught: unknown) => caught);
    expect(isAppError(patient, "forbidden")).toBe(true);
  });
});
