import { describe, expect, it } from "vitest";

import { JoinMode, Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { decryptTelehealthData } from "@/lib/telehealth/telehealth-crypto";
import { updateTelehealthSettings } from "@/lib/telehealth/update-telehealth-settings";
import { createClinic, viewerFor } from "@/tests/support/viewers";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { getJoinUrl } from "@/lib/visits/join-visit";
import { createUser, createVisit } from "@/prisma/factories";

const context = withZoomEmulator();

// The emulator's default telehealth registration (zoom-emulator/README.md).
const API_KEY = "carevisit-dev-telehealth-key";
const API_SECRET = "carevisit-dev-telehealth-secret";

async function telehealthClinic(includeIdentity: boolean) {
  const clinic = await createClinic(db);
  await updateTelehealthSettings({
    viewer: clinic.viewers.admin,
    joinMode: JoinMode.TELEHEALTH_URL,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    includeIdentity,
    notifierUsername: undefined,
    notifierPassword: undefined,
    removeNotifierCredentials: false,
  });
  const visit = await createVisit(db, {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(Date.now() + 5 * 60_000),
  });
  return { ...clinic, visitId: visit.id };
}

const plaintextOf = (url: string) =>
  new URLSearchParams(
    decryptTelehealthData(new URL(url).searchParams.get("data") ?? "", API_SECRET),
  );

describe("joining in telehealth mode", () => {
  it("gives the patient and the provider encrypted launch links that the emulator joins to one session", async () => {
    const clinic = await telehealthClinic(true);
    const patientUrl = await getJoinUrl({
      viewer: clinic.viewers.patient,
      visitId: clinic.visitId,
    });
    const providerUrl = await getJoinUrl({
      viewer: clinic.viewers.provider,
      visitId: clinic.visitId,
    });
    expect(patientUrl.startsWith(`${context.zoom.url}/telehealth?org_id=${API_KEY}&data=`)).toBe(
      true,
    );
    expect(Object.fromEntries(plaintextOf(patientUrl))).toEqual({
      usertype: "2",
      sessionid: clinic.visitId,
      userid: clinic.patient.user.id,
      firstname: clinic.patient.user.firstName,
      lastname: clinic.patient.user.lastName,
      email: clinic.patient.user.email,
    });
    expect(plaintextOf(providerUrl).get("usertype")).toBe("1");

    for (const url of [providerUrl, patientUrl]) {
      const launch = await fetch(url, { redirect: "manual" });
      expect(launch.status).toBe(303);
    }
    const state = await context.zoom.control<{
      telehealthSessions: Record<string, number>;
      meetings: { id: number; instances: { participants: { customerKey: string }[] }[] }[];
    }>("GET", "/state");
    const meetingId = state.telehealthSessions[clinic.visitId];
    const meeting = state.meetings.find((candidate) => candidate.id === meetingId);
    const keys = meeting?.instances.flatMap((instance) =>
      instance.participants.map((person) => person.customerKey),
    );
    expect(keys).toEqual(expect.arrayContaining([clinic.patient.user.id, clinic.provider.id]));
    expect(
      await db.auditEvent.count({
        where: {
          targetId: clinic.visitId,
          action: "visit.join",
          details: { path: ["mode"], equals: "telehealth" },
        },
      }),
    ).toBe(2);
  });

  it("leaves names and email out when the privacy switch is off", async () => {
    const clinic = await telehealthClinic(false);
    const url = await getJoinUrl({ viewer: clinic.viewers.patient, visitId: clinic.visitId });
    expect(Object.fromEntries(plaintextOf(url))).toEqual({
      usertype: "2",
      sessionid: clinic.visitId,
      userid: clinic.patient.user.id,
    });
  });

  it("makes only the visit's provider the host: other care team members and admins join as participants", async () => {
    const clinic = await telehealthClinic(false);
    const organizationId = clinic.organization.id;
    const colleague = await createUser(db, { organizationId, role: Role.CARE_TEAM });
    const userTypes = {
      provider: plaintextOf(
        await getJoinUrl({ viewer: clinic.viewers.provider, visitId: clinic.visitId }),
      ).get("usertype"),
      colleague: plaintextOf(
        await getJoinUrl({ viewer: viewerFor(colleague), visitId: clinic.visitId }),
      ).get("usertype"),
      admin: plaintextOf(
        await getJoinUrl({ viewer: clinic.viewers.admin, visitId: clinic.visitId }),
      ).get("usertype"),
      patient: plaintextOf(
        await getJoinUrl({ viewer: clinic.viewers.patient, visitId: clinic.visitId }),
      ).get("usertype"),
    };
    expect(userTypes).toEqual({ provider: "1", colleague: "2", admin: "2", patient: "2" });
  });
});
