import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import type { Db } from "@/lib/db/db-client";
import { createOrganization, createPatient, createUser } from "@/prisma/factories";

// Integration-test helpers: real rows, and the Viewer that getViewer would build for them.

type UserRow = {
  id: string;
  role: Role;
  organizationId: string;
  firstName: string;
  lastName: string;
  email: string;
};

export function viewerFor(user: UserRow, subjectId: string | null = null): Viewer {
  return { ...user, subjectId, timeZone: "America/New_York", ip: "198.51.100.10" };
}

/** A new organization with an admin, a care team member and a patient (with their subject). */
export async function createClinic(db: Db) {
  const organization = await createOrganization(db);
  const organizationId = organization.id;
  const admin = await createUser(db, { organizationId, role: Role.ADMIN });
  const provider = await createUser(db, { organizationId, role: Role.CARE_TEAM });
  const patient = await createPatient(db, { organizationId });
  return {
    organization,
    admin,
    provider,
    patient,
    viewers: {
      admin: viewerFor(admin),
      provider: viewerFor(provider),
      patient: viewerFor(patient.user, patient.subject.id),
    },
  };
}
