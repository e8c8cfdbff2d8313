import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ParticipantRole, PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { TEST_ZOOM_WEBHOOK_SECRET } from "@/tests/support/zoom-emulator-process";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { startVisit } from "@/lib/visits/start-visit";
import { handleZoomWebhook } from "@/lib/zoom/webhook/handle-zoom-webhook";
import { signZoomPayload } from "@/lib/zoom/webhook/verify-signature";

const context = withZoomEmulator({ receiveWebhooks: true });

function signed(body: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    rawBody: body,
    headers: new Headers({
      "x-zm-request-timestamp": timestamp,
      "x-zm-signature": signZoomPayload(TEST_ZOOM_WEBHOOK_SECRET, timestamp, body),
    }),
  };
}

async function startedVisit() {
  const clinic = await createLinkedClinic(context.zoom);
  const { visit } = await startVisit({
    viewer: clinic.viewers.provider,
    subjectId: clinic.patient.subject.id,
  });
  const stored = await db.visit.findUniqueOrThrow({
    where: { id: visit.id },
    select: { id: true, zoomMeetingId: true, zoomHostId: true },
  });
  return { clinic, visit: stored, meetingId: String(stored.zoomMeetingId) };
}

const liveState = (visitId: string) =>
  db.visit.findUniqueOrThrow({
    where: { id: visitId },
    select: {
      status: true,
      patientPresence: true,
      patientWaitingSince: true,
      isProviderPresent: true,
      providerJoinedAt: true,
      startedAt: true,
      endedAt: true,
      attendances: {
        orderBy: [{ role: "asc" }, { sequence: "asc" }],
        select: {
          participantKey: true,
          sequence: true,
          role: true,
          userId: true,
          waitingRoomJoinedAt: true,
          joinedAt: true,
          leftAt: true,
        },
      },
    },
  });

describe("meeting and participant webhooks", () => {
  it("follows the patient from the waiting room into the meeting and out, as the emulator sends it", async () => {
    const { clinic, visit, meetingId } = await startedVisit();
    const participants = (body: object) =>
      context.zoom.control<{ participant_uuid: string }>(
        "POST",
        `/meetings/${meetingId}/participants`,
        body,
      );

    const { participant_uuid: participantUuid } = await participants({
      action: "join_waiting_room",
      name: "Pat Patient",
      email: clinic.patient.user.email,
    });
    const waiting = await liveState(visit.id);
    expect(waiting).toMatchObject({
      status: VisitStatus.SCHEDULED,
      patientPresence: PatientPresence.WAITING,
      isProviderPresent: false,
    });
    expect(waiting.patientWaitingSince).toBeInstanceOf(Date);

    await participants({ action: "join", name: "Dr Provider", zoomUserId: visit.zoomHostId });
    await participants({ action: "admit", participantUuid });
    expect(await liveState(visit.id)).toMatchObject({
      status: VisitStatus.IN_PROGRESS,
      patientPresence: PatientPresence.IN_MEETING,
      patientWaitingSince: null,
      isProviderPresent: true,
    });

    await participants({ action: "leave", participantUuid });
    await context.zoom.control("POST", `/meetings/${meetingId}/end`);
    const ended = await liveState(visit.id);
    expect(ended).toMatchObject({
      status: VisitStatus.ENDED,
      patientPresence: PatientPresence.LEFT,
      isProviderPresent: false,
    });
    const patient = ended.attendances.find((row) => row.role === ParticipantRole.PATIENT);
    expect(patient).toMatchObject({ userId: clinic.patient.user.id, sequence: 1 });
    expect(patient?.waitingRoomJoinedAt).toBeInstanceOf(Date);
    expect(patient?.joinedAt).toBeInstanceOf(Date);
    expect(patient?.leftAt).toBeInstanceOf(Date);
    const provider = ended.attendances.find((row) => row.role === ParticipantRole.PROVIDER);
    expect(provider).toMatchObject({ userId: clinic.provider.id });
    expect(provider?.leftAt).toBeInstanceOf(Date);
  });

  it("reaches the same state whatever the order and however often events arrive", async () => {
    const { clinic, visit, meetingId } = await startedVisit();
    const t0 = Date.now() - 60_000;
    const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
    const participant = (time: object) => ({
      user_id: "16778240",
      user_name: "Pat Patient",
      id: "",
      participant_uuid: "patient-participant-uuid",
      email: clinic.patient.user.email,
      ...time,
    });
    const host = (time: object) => ({
      user_id: "16779264",
      user_name: "Dr Provider",
      id: visit.zoomHostId,
      participant_uuid: "host-participant-uuid",
      email: clinic.provider.email,
      ...time,
    });
    const object = { id: meetingId, uuid: "instance==", host_id: visit.zoomHostId };
    const account_id = clinic.account.id;
    const bodies = [
      ["meeting.participant_joined_waiting_room", 0, participant({ date_time: at(0) })],
      ["meeting.started", 5, null],
      ["meeting.participant_joined", 5, host({ join_time: at(5) })],
      ["meeting.participant_admitted", 20, participant({ date_time: at(20) })],
      ["meeting.participant_joined", 21, participant({ join_time: at(21) })],
      ["meeting.participant_left", 300, participant({ leave_time: at(300) })],
      ["meeting.participant_left", 305, host({ leave_time: at(305) })],
      ["meeting.ended", 306, null],
    ].map(([event, seconds, person]) =>
      JSON.stringify({
        event,
        event_ts: t0 + Number(seconds) * 1000,
        payload: { account_id, object: person ? { ...object, participant: person } : object },
      }),
    );

    const order = fc.sample(
      fc.shuffledSubarray([...bodies, ...bodies.slice(2, 6)], { minLength: 12, maxLength: 12 }),
      { numRuns: 1, seed: 20261130 },
    )[0];
    for (const body of order ?? []) {
      const outcome = await handleZoomWebhook(signed(body));
      expect(outcome.status).toBe(200);
    }
    const state = await liveState(visit.id);
    expect(state).toMatchObject({
      status: VisitStatus.ENDED,
      patientPresence: PatientPresence.LEFT,
      startedAt: new Date(t0 + 5000),
      endedAt: new Date(t0 + 306_000),
      providerJoinedAt: new Date(t0 + 5000),
    });
    expect(state.attendances).toEqual([
      {
        participantKey: `user:${clinic.provider.id}`,
        sequence: 1,
        role: ParticipantRole.PROVIDER,
        userId: clinic.provider.id,
        waitingRoomJoinedAt: null,
        joinedAt: new Date(t0 + 5000),
        leftAt: new Date(t0 + 305_000),
      },
      {
        participantKey: `user:${clinic.patient.user.id}`,
        sequence: 1,
        role: ParticipantRole.PATIENT,
        userId: clinic.patient.user.id,
        waitingRoomJoinedAt: new Date(t0),
        joinedAt: new Date(t0 + 21_000),
        leftAt: new Date(t0 + 300_000),
      },
    ]);
    expect(await db.participantEvent.count({ where: { visitId: visit.id } })).toBe(6);
  });

  it("keeps events of meetings it does not know, and refuses malformed participant events", async () => {
    const { clinic } = await startedVisit();
    const account_id = clinic.account.id;
    const unknown = JSON.stringify({
      event: "meeting.participant_joined",
      event_ts: Date.now(),
      payload: {
        account_id,
        object: {
          id: "81234567890",
          participant: { user_id: "1", join_time: new Date().toISOString() },
        },
      },
    });
    expect(await handleZoomWebhook(signed(unknown))).toEqual({
      status: 200,
      body: { status: "unmatched" },
    });

    for (const object of [
      { id: "not-a-number", participant: {} },
      { id: 81234567890, participant: {} },
      { id: "99999999999999999999", participant: {} },
      { id: "81234567890", participant: { join_time: "yesterday" } },
      { id: "81234567890" },
    ]) {
      const body = JSON.stringify({
        event: "meeting.participant_joined",
        event_ts: Date.now(),
        payload: { account_id, object },
      });
      const outcome = await handleZoomWebhook(signed(body));
      expect(outcome.status).toBe(400);
    }
    expect(
      await db.inboundNotification.count({
        where: { eventType: "meeting.participant_joined", organizationId: clinic.organization.id },
      }),
    ).toBe(1);
  });
});
