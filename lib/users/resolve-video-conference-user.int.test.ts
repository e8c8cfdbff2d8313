import { describe, expect, it } from "vitest";

import { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { createClinic, viewerFor } from "@/tests/support/viewers";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { resolveVideoConferenceUserId } from "@/lib/users/resolve-video-conference-user";
import { updateVideoConferenceUserId } from "@/lib/users/update-video-conference-user-id";
import { createPatient, createUser } from "@/prisma/factories";

const context = withZoomEmulator();

type State = {
  accounts: { id: string; users: { id: string; email: string }[] }[];
  stats: { apiCalls: number };
};

const unique = () => Math.random().toString(36).slice(2, 8);

describe("resolveVideoConferenceUserId", () => {
  it("uses an id it found or created before without asking Zoom", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    await db.user.update({
      where: { id: clinic.provider.id },
      data: {
        videoConferenceUserId: "StoredZoomUserId123",
        videoConferenceUserIdSource: "EMAIL_MATCH",
      },
    });
    const before = await context.zoom.control<State>("GET", "/state");
    const resolved = await resolveVideoConferenceUserId({
      userId: clinic.provider.id,
      connection: clinic.connection,
      actor: clinic.viewers.provider,
    });
    expect(resolved).toBe("StoredZoomUserId123");
    expect((await context.zoom.control<State>("GET", "/state")).stats.apiCalls).toBe(
      before.stats.apiCalls,
    );
  });

  it("finds the Zoom user with the same email, and stores it", async () => {
    const email = `match-${unique()}@zoom.test`;
    const clinic = await createLinkedClinic(context.zoom, [
      { email, first_name: "Mae", last_name: "Match" },
    ]);
    const user = await createUser(db, {
      organizationId: clinic.organization.id,
      role: Role.CARE_TEAM,
      email,
    });
    const zoomUser = clinic.account.users.find((candidate) => candidate.email === email);
    expect(
      await resolveVideoConferenceUserId({
        userId: user.id,
        connection: clinic.connection,
        actor: viewerFor(user),
      }),
    ).toBe(zoomUser?.id);
    const stored = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { videoConferenceUserId: true, videoConferenceUserIdSource: true },
    });
    expect(stored).toEqual({
      videoConferenceUserId: zoomUser?.id,
      videoConferenceUserIdSource: "EMAIL_MATCH",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: user.id, action: "user.video_id_resolved" },
    });
    expect(audit.actorUserId).toBe(user.id);
  });

  it("creates a Zoom user (custCreate) when there is none, once, even when asked twice at once", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const options = {
      userId: clinic.provider.id,
      connection: clinic.connection,
      actor: clinic.viewers.provider,
    };
    const [first, second] = await Promise.all([
      resolveVideoConferenceUserId(options),
      resolveVideoConferenceUserId(options),
    ]);
    expect(first).toBe(second);
    const state = await context.zoom.control<State>("GET", "/state");
    const account = state.accounts.find((candidate) => candidate.id === clinic.account.id);
    expect(account?.users.filter((user) => user.email === clinic.provider.email)).toEqual([
      expect.objectContaining({ id: first }),
    ]);
    const stored = await db.user.findUniqueOrThrow({
      where: { id: clinic.provider.id },
      select: { videoConferenceUserIdSource: true },
    });
    expect(stored.videoConferenceUserIdSource).toBe("CREATED");
  });

  it("refuses a profile id that is somebody else's Zoom user when a meeting is made", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const owner = clinic.account.users.find((user) => user.email === clinic.ownerEmail);
    await db.user.update({
      where: { id: clinic.provider.id },
      data: { videoConferenceUserId: owner?.id, videoConferenceUserIdSource: "MANUAL" },
    });
    const error = await resolveVideoConferenceUserId({
      userId: clinic.provider.id,
      connection: clinic.connection,
      actor: clinic.viewers.provider,
    }).catch((caught: unknown) => caught);
    expect(isAppError(error, "conflict") && error.publicMessage).toMatch(/not you.*profile page/);
  });
});

describe("updateVideoConferenceUserId", () => {
  it("with Zoom linked, accepts only the person's own Zoom user", async () => {
    const email = `self-${unique()}@zoom.test`;
    const clinic = await createLinkedClinic(context.zoom, [
      { email, first_name: "Sam", last_name: "Self" },
    ]);
    const user = await createUser(db, {
      organizationId: clinic.organization.id,
      role: Role.CARE_TEAM,
      email,
    });
    const viewer = viewerFor(user);
    const own = clinic.account.users.find((candidate) => candidate.email === email);
    const owner = clinic.account.users.find((candidate) => candidate.email === clinic.ownerEmail);

    for (const [id, message] of [
      [owner?.id, /not you/],
      ["NoSuchZoomUser1", /no Zoom user with that id/],
    ] as const) {
      const error = await updateVideoConferenceUserId({
        viewer,
        videoConferenceUserId: id ?? "",
      }).catch((caught: unknown) => caught);
      expect(
        isAppError(error, "bad_request") && error.extra.fields?.videoConferenceUserId?.[0],
      ).toMatch(message);
    }
    await expect(
      updateVideoConferenceUserId({ viewer, videoConferenceUserId: own?.id ?? "" }),
    ).resolves.toEqual({ videoConferenceUserId: own?.id });
    await expect(
      updateVideoConferenceUserId({ viewer, videoConferenceUserId: "" }),
    ).resolves.toEqual({ videoConferenceUserId: null });
  });

  it("is for staff only: a patient can set none, linked or not, and nothing is stored", async () => {
    const email = `patient-${unique()}@zoom.test`;
    const linked = await createLinkedClinic(context.zoom, [
      { email, first_name: "Pat", last_name: "Patient" },
    ]);
    const unlinked = await createClinic(db);
    const zoomUser = linked.account.users.find((candidate) => candidate.email === email);
    const patients = [
      await createPatient(db, { organizationId: linked.organization.id, email }),
      unlinked.patient,
    ];
    for (const patient of patients) {
      const viewer = viewerFor(patient.user, patient.subject.id);
      for (const id of [zoomUser?.id ?? "", "SomeoneElsesZoomId", ""]) {
        const error = await updateVideoConferenceUserId({
          viewer,
          videoConferenceUserId: id,
        }).catch((caught: unknown) => caught);
        expect(isAppError(error, "forbidden"), `id "${id}"`).toBe(true);
      }
    }
    expect(
      await db.user.count({
        where: {
          id: { in: patients.map((patient) => patient.user.id) },
          videoConferenceUserId: { not: null },
        },
      }),
    ).toBe(0);
    expect(
      await db.auditEvent.count({
        where: {
          action: "user.video_id_update",
          actorUserId: { in: patients.map((patient) => patient.user.id) },
        },
      }),
    ).toBe(0);
  });
});
