import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { acceptTelehealthConsent } from "@/lib/consent/accept-consent";
import { findPatientConsent } from "@/lib/consent/find-patient-consent";
import { findSubjectConsentStatus } from "@/lib/consent/find-subject-consent-status";
import { saveConsentText } from "@/lib/consent/save-consent-text";
import { getJoinUrl } from "@/lib/visits/join-visit";
import { createPatient, createVisit } from "@/prisma/factories";
import { appErrorOf } from "@/tests/support/app-error";
import { createClinic, viewerFor } from "@/tests/support/viewers";

const TEXT_V1 =
  "Video visits are private.\n\n- We do not record them.\n- You can stop at any time.";
const TEXT_V2 = `${TEXT_V1}\n\nA new paragraph in version two.`;

/** A clinic with a consent text, and a joinable visit of its patient (its Zoom meeting already made). */
async function clinicWithConsent() {
  const clinic = await createClinic(db);
  await saveConsentText({ viewer: clinic.viewers.admin, body: TEXT_V1 });
  const visit = await createVisit(db, {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(Date.now() + 5 * 60_000),
    zoomMeetingId: BigInt(Date.now()),
    zoomJoinUrl: "https://zoom.example.test/j/1",
  });
  const signedName = `${clinic.patient.user.firstName} ${clinic.patient.user.lastName}`;
  return { ...clinic, visit, signedName };
}

const consentRows = (subjectId: string) => db.telehealthConsent.count({ where: { subjectId } });
const auditRows = (subjectId: string, action: string) =>
  db.auditEvent.count({ where: { subjectId, action } });

describe("the clinic's consent text", () => {
  it("makes a new version on each change, refuses an unchanged text, and is for admins only", async () => {
    const clinic = await createClinic(db);
    const first = await saveConsentText({ viewer: clinic.viewers.admin, body: `  ${TEXT_V1}\r\n` });
    expect(first.version).toBe(1);
    const unchanged = await appErrorOf(
      saveConsentText({ viewer: clinic.viewers.admin, body: TEXT_V1 }),
    );
    expect(unchanged.code).toBe("conflict");
    expect(unchanged.extra.fields?.body?.[0]).toContain("version 1");
    const second = await saveConsentText({ viewer: clinic.viewers.admin, body: TEXT_V2 });
    expect(second.version).toBe(2);
    const forbidden = await appErrorOf(
      saveConsentText({ viewer: clinic.viewers.provider, body: "x".repeat(40) }),
    );
    expect(forbidden.code).toBe("forbidden");
    const versions = await db.telehealthConsentVersion.findMany({
      where: { organizationId: clinic.organization.id },
      orderBy: { version: "asc" },
      select: { version: true, body: true },
    });
    expect(versions).toEqual([
      { version: 1, body: TEXT_V1 },
      { version: 2, body: TEXT_V2 },
    ]);
    expect(
      await db.auditEvent.count({
        where: { organizationId: clinic.organization.id, action: "consent.text_update" },
      }),
    ).toBe(2);
  });

  it("gives two versions to two administrators saving at once, never the same number twice", async () => {
    const clinic = await createClinic(db);
    const results = await Promise.allSettled([
      saveConsentText({ viewer: clinic.viewers.admin, body: TEXT_V1 }),
      saveConsentText({ viewer: clinic.viewers.admin, body: TEXT_V2 }),
    ]);
    const versions = await db.telehealthConsentVersion.findMany({
      where: { organizationId: clinic.organization.id },
      select: { version: true },
    });
    expect(new Set(versions.map((row) => row.version)).size).toBe(versions.length);
    for (const result of results)
      if (result.status === "rejected") expect(isAppError(result.reason, "conflict")).toBe(true);
  });
});

describe("a patient's consent", () => {
  it("is asked before joining, stored with version, user and address, audited, and then lets them join", async () => {
    const clinic = await clinicWithConsent();
    const patient = clinic.viewers.patient;
    const refused = await appErrorOf(getJoinUrl({ viewer: patient, visitId: clinic.visit.id }));
    expect(refused.extra.fields?.join).toEqual(["consent_needed"]);
    const asked = await findPatientConsent({ viewer: patient });
    expect(asked?.status).toEqual({ state: "missing", currentVersion: 1 });
    expect(asked?.request?.blocks).toEqual([
      { kind: "paragraph", lines: ["Video visits are private."] },
      { kind: "list", items: ["We do not record them.", "You can stop at any time."] },
    ]);

    const consent = await acceptTelehealthConsent({
      viewer: patient,
      visitId: clinic.visit.id,
      version: 1,
      signedName: `  ${clinic.signedName.toUpperCase()} `,
    });
    expect(consent.version).toBe(1);
    const stored = await db.telehealthConsent.findFirstOrThrow({
      where: { subjectId: clinic.patient.subject.id },
      select: { userId: true, version: true, ip: true, signedName: true },
    });
    expect(stored).toEqual({
      userId: clinic.patient.user.id,
      version: 1,
      ip: "198.51.100.10",
      signedName: clinic.signedName.toUpperCase(),
    });
    expect(await auditRows(clinic.patient.subject.id, "consent.accept")).toBe(1);
    expect(await getJoinUrl({ viewer: patient, visitId: clinic.visit.id })).toBe(
      "https://zoom.example.test/j/1",
    );
    const forStaff = await findSubjectConsentStatus({
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
    });
    expect(forStaff).toMatchObject({ state: "current", version: 1 });
  });

  it("refuses a second acceptance of the same version with a clear message, storing nothing more", async () => {
    const clinic = await clinicWithConsent();
    const input = {
      viewer: clinic.viewers.patient,
      visitId: clinic.visit.id,
      version: 1,
      signedName: clinic.signedName,
    };
    await acceptTelehealthConsent(input);
    const twice = await appErrorOf(acceptTelehealthConsent(input));
    expect(twice.code).toBe("conflict");
    expect(twice.publicMessage).toMatch(/^You already gave your consent to this version on /);
    expect(await consentRows(clinic.patient.subject.id)).toBe(1);
    expect(await auditRows(clinic.patient.subject.id, "consent.accept")).toBe(1);
  });

  it("lets only one of two simultaneous acceptances through", async () => {
    const clinic = await clinicWithConsent();
    const input = {
      viewer: clinic.viewers.patient,
      visitId: clinic.visit.id,
      version: 1,
      signedName: clinic.signedName,
    };
    const results = await Promise.allSettled([
      acceptTelehealthConsent(input),
      acceptTelehealthConsent(input),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await consentRows(clinic.patient.subject.id)).toBe(1);
    expect(await auditRows(clinic.patient.subject.id, "consent.accept")).toBe(1);
  });

  it("refuses a stale version, and asks again after the clinic changes its text", async () => {
    const clinic = await clinicWithConsent();
    const patient = clinic.viewers.patient;
    await acceptTelehealthConsent({
      viewer: patient,
      visitId: clinic.visit.id,
      version: 1,
      signedName: clinic.signedName,
    });
    await saveConsentText({ viewer: clinic.viewers.admin, body: TEXT_V2 });
    const status = await findSubjectConsentStatus({
      viewer: clinic.viewers.admin,
      subjectId: clinic.patient.subject.id,
    });
    expect(status).toMatchObject({ state: "outdated", version: 1, currentVersion: 2 });
    const join = await appErrorOf(getJoinUrl({ viewer: patient, visitId: clinic.visit.id }));
    expect(join.extra.fields?.join).toEqual(["consent_needed"]);

    const stale = await appErrorOf(
      acceptTelehealthConsent({
        viewer: patient,
        visitId: clinic.visit.id,
        version: 1,
        signedName: clinic.signedName,
      }),
    );
    expect(stale.code).toBe("conflict");
    expect(stale.publicMessage).toContain("version 2");
    const future = await appErrorOf(
      acceptTelehealthConsent({
        viewer: patient,
        visitId: clinic.visit.id,
        version: 3,
        signedName: clinic.signedName,
      }),
    );
    expect(future.code).toBe("conflict");
    expect(await consentRows(clinic.patient.subject.id)).toBe(1);

    await acceptTelehealthConsent({
      viewer: patient,
      visitId: clinic.visit.id,
      version: 2,
      signedName: clinic.signedName,
    });
    expect(
      await findSubjectConsentStatus({
        viewer: clinic.viewers.admin,
        subjectId: clinic.patient.subject.id,
      }),
    ).toMatchObject({
      state: "current",
      version: 2,
    });
  });

  it("answers another patient's visit with 'not found' and stores nothing", async () => {
    const clinic = await clinicWithConsent();
    const other = await createPatient(db, { organizationId: clinic.organization.id });
    const intruder = viewerFor(other.user, other.subject.id);
    const error = await appErrorOf(
      acceptTelehealthConsent({
        viewer: intruder,
        visitId: clinic.visit.id,
        version: 1,
        signedName: `${other.user.firstName} ${other.user.lastName}`,
      }),
    );
    expect(error.code).toBe("not_found");
    expect(await consentRows(clinic.patient.subject.id)).toBe(0);
    expect(await consentRows(other.subject.id)).toBe(0);
  });

  it("refuses staff, a name that is not the patient's, and a clinic with no text", async () => {
    const clinic = await clinicWithConsent();
    const staff = await appErrorOf(
      acceptTelehealthConsent({
        viewer: clinic.viewers.provider,
        visitId: clinic.visit.id,
        version: 1,
        signedName: clinic.signedName,
      }),
    );
    expect(staff.code).toBe("forbidden");
    const wrongName = await appErrorOf(
      acceptTelehealthConsent({
        viewer: clinic.viewers.patient,
        visitId: clinic.visit.id,
        version: 1,
        signedName: "Someone Else",
      }),
    );
    expect(wrongName.code).toBe("bad_request");
    expect(wrongName.extra.fields?.signedName?.[0]).toContain(clinic.signedName);
    expect(await consentRows(clinic.patient.subject.id)).toBe(0);

    const bare = await createClinic(db);
    const bareVisit = await createVisit(db, {
      organizationId: bare.organization.id,
      subjectId: bare.patient.subject.id,
      providerId: bare.provider.id,
    });
    const nothingToSign = await appErrorOf(
      acceptTelehealthConsent({
        viewer: bare.viewers.patient,
        visitId: bareVisit.id,
        version: 1,
        signedName: `${bare.patient.user.firstName} ${bare.patient.user.lastName}`,
      }),
    );
    expect(nothingToSign.code).toBe("conflict");
    expect((await findPatientConsent({ viewer: bare.viewers.patient }))?.status).toEqual({
      state: "not_required",
    });
  });

  it("keeps another clinic's subject out of the care team's view", async () => {
    const clinic = await clinicWithConsent();
    const other = await createClinic(db);
    expect(
      await findSubjectConsentStatus({
        viewer: other.viewers.provider,
        subjectId: clinic.patient.subject.id,
      }),
    ).toBeNull();
  });
});
