import { describe, expect, it } from "vitest";

import { Role } from "@/generated/prisma/enums";
import type { AuditAction } from "@/lib/audit/actions";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/db";
import { type AppErrorCode, isAppError } from "@/lib/errors";
import { createClinic, viewerFor } from "@/tests/support/viewers";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createStaffUser } from "@/lib/users/create-staff-user";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { listUsers } from "@/lib/users/list-users";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { createStaffUserInputSchema, USERS_PAGE_SIZE } from "@/lib/users/schemas";
import { createSubject, createUser, uniqueToken } from "@/prisma/factories";

const NEW_PASSWORD = "a-long-new-password-42";

async function refusal(promise: Promise<unknown>, code: AppErrorCode, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isAppError(error, code), `expected ${code}, got ${String(error)}`).toBe(true);
  if (message && isAppError(error)) expect(error.publicMessage).toMatch(message);
}

async function stateOf(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { isActive: true, role: true, sessionVersion: true, passwordHash: true },
  });
}

const auditCount = (targetId: string, action: AuditAction) =>
  db.auditEvent.count({ where: { targetId, action } });

function staffInput(overrides: Partial<Record<string, string>> = {}) {
  return createStaffUserInputSchema.parse({
    firstName: " Nia ",
    lastName: "Newcomer",
    email: `New.Person-${uniqueToken()}@Clinic.Test`,
    role: Role.CARE_TEAM,
    password: NEW_PASSWORD,
    ...overrides,
  });
}

describe("createStaffUser", () => {
  it("adds a care team member with a lower-cased email and a working password, audited", async () => {
    const clinic = await createClinic(db);
    const input = staffInput();
    const user = await createStaffUser({ ...input, viewer: clinic.viewers.admin });
    const stored = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        email: true,
        firstName: true,
        role: true,
        organizationId: true,
        isActive: true,
        passwordHash: true,
      },
    });
    expect(stored).toMatchObject({
      email: input.email,
      firstName: "Nia",
      role: Role.CARE_TEAM,
      organizationId: clinic.organization.id,
      isActive: true,
    });
    expect(stored.email).toBe(stored.email.toLowerCase());
    expect(await verifyPassword(NEW_PASSWORD, stored.passwordHash)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: user.id, action: "user.create" },
    });
    expect(audit).toMatchObject({
      actorUserId: clinic.admin.id,
      organizationId: clinic.organization.id,
      details: { role: Role.CARE_TEAM },
    });
    expect(JSON.stringify(audit.details)).not.toContain(input.email);
  });

  it("refuses a duplicate email (whatever its case), a non-admin, and writes no audit row", async () => {
    const clinic = await createClinic(db);
    const before = await db.auditEvent.count({
      where: { action: "user.create", actorUserId: clinic.admin.id },
    });
    const other = await createClinic(db);
    // Another clinic's address gets the same answer as this clinic's: nothing says it exists.
    const messages = [];
    for (const email of [clinic.provider.email.toUpperCase(), other.provider.email]) {
      const error = await createStaffUser({
        ...staffInput({ email }),
        viewer: clinic.viewers.admin,
      }).catch((caught: unknown) => caught);
      messages.push(isAppError(error, "bad_request") ? error.extra.fields?.email?.[0] : error);
    }
    expect(messages[0]).toMatch(/can't be used for a new account/);
    expect(messages[1]).toBe(messages[0]);
    expect(messages[0]).not.toMatch(/exists|another (clinic|organization)/i);
    await refusal(
      createStaffUser({ ...staffInput(), viewer: clinic.viewers.provider }),
      "forbidden",
    );
    await refusal(
      createStaffUser({ ...staffInput(), viewer: clinic.viewers.patient }),
      "forbidden",
    );
    expect(
      await db.auditEvent.count({ where: { action: "user.create", actorUserId: clinic.admin.id } }),
    ).toBe(before);
    expect(
      await db.auditEvent.count({
        where: {
          action: "user.create",
          actorUserId: { in: [clinic.provider.id, clinic.patient.user.id] },
        },
      }),
    ).toBe(0);
  });

  it("rejects bad input: short password, patient role, bad email, empty names", () => {
    const result = createStaffUserInputSchema.safeParse({
      firstName: "  ",
      lastName: "",
      email: "not-an-email",
      role: Role.PATIENT,
      password: "short",
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining(["firstName", "lastName", "email", "role", "password"]),
    );
  });
});

describe("deactivateUser and reactivateUser", () => {
  it("deactivates a user, ends their sessions, and reactivates them, each audited", async () => {
    const clinic = await createClinic(db);
    const before = await stateOf(clinic.provider.id);
    await deactivateUser({ userId: clinic.provider.id, viewer: clinic.viewers.admin });
    const after = await stateOf(clinic.provider.id);
    expect(after.isActive).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await auditCount(clinic.provider.id, "user.deactivate")).toBe(1);

    await refusal(
      deactivateUser({ userId: clinic.provider.id, viewer: clinic.viewers.admin }),
      "conflict",
      /already deactivated/,
    );
    await reactivateUser({ userId: clinic.provider.id, viewer: clinic.viewers.admin });
    expect((await stateOf(clinic.provider.id)).isActive).toBe(true);
    expect(await auditCount(clinic.provider.id, "user.reactivate")).toBe(1);
    await refusal(
      reactivateUser({ userId: clinic.provider.id, viewer: clinic.viewers.admin }),
      "conflict",
      /already active/,
    );
    expect(await auditCount(clinic.provider.id, "user.deactivate")).toBe(1);
    expect(await auditCount(clinic.provider.id, "user.reactivate")).toBe(1);
  });

  it("deactivates a patient's account too", async () => {
    const clinic = await createClinic(db);
    await deactivateUser({ userId: clinic.patient.user.id, viewer: clinic.viewers.admin });
    expect((await stateOf(clinic.patient.user.id)).isActive).toBe(false);
  });

  it("refuses self-deactivation, the last active admin, non-admins and other clinics' users", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    await refusal(
      deactivateUser({ userId: clinic.admin.id, viewer: clinic.viewers.admin }),
      "conflict",
      /yourself/,
    );
    await refusal(
      deactivateUser({ userId: clinic.admin.id, viewer: clinic.viewers.provider }),
      "forbidden",
    );
    await refusal(
      deactivateUser({ userId: other.provider.id, viewer: clinic.viewers.admin }),
      "not_found",
    );
    await refusal(
      reactivateUser({ userId: other.provider.id, viewer: clinic.viewers.admin }),
      "not_found",
    );
    // A second admin may not deactivate the first once the first is the only other active one…
    const second = await createUser(db, {
      organizationId: clinic.organization.id,
      role: Role.ADMIN,
    });
    await deactivateUser({ userId: second.id, viewer: clinic.viewers.admin });
    // …here `second` is inactive, so a (stale) session of theirs cannot remove the last admin.
    const inactiveAdminViewer = viewerFor(second);
    await refusal(
      deactivateUser({ userId: clinic.admin.id, viewer: inactiveAdminViewer }),
      "conflict",
      /last active administrator/,
    );
    expect((await stateOf(clinic.admin.id)).isActive).toBe(true);
    expect(await auditCount(clinic.admin.id, "user.deactivate")).toBe(0);
    expect(await auditCount(other.provider.id, "user.deactivate")).toBe(0);
  });

  it("lets one of two admins deactivate the other", async () => {
    const clinic = await createClinic(db);
    const second = await createUser(db, {
      organizationId: clinic.organization.id,
      role: Role.ADMIN,
    });
    await deactivateUser({ userId: clinic.admin.id, viewer: viewerFor(second) });
    expect((await stateOf(clinic.admin.id)).isActive).toBe(false);
  });
});

describe("changeUserRole", () => {
  it("promotes and demotes staff, ending their sessions, audited with both roles", async () => {
    const clinic = await createClinic(db);
    const before = await stateOf(clinic.provider.id);
    await changeUserRole({
      userId: clinic.provider.id,
      role: Role.ADMIN,
      viewer: clinic.viewers.admin,
    });
    const promoted = await stateOf(clinic.provider.id);
    expect(promoted.role).toBe(Role.ADMIN);
    expect(promoted.sessionVersion).toBe(before.sessionVersion + 1);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: clinic.provider.id, action: "user.role_change" },
    });
    expect(audit.details).toEqual({ from: Role.CARE_TEAM, to: Role.ADMIN });

    // Now there are two admins: the original one may be demoted by the promoted one.
    await changeUserRole({
      userId: clinic.admin.id,
      role: Role.CARE_TEAM,
      viewer: viewerFor({ ...clinic.provider, role: Role.ADMIN }),
    });
    expect((await stateOf(clinic.admin.id)).role).toBe(Role.CARE_TEAM);
  });

  it("refuses patients, own role, the last active admin, the same role, non-admins and other clinics", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    const admin = clinic.viewers.admin;
    await refusal(
      changeUserRole({ userId: clinic.patient.user.id, role: Role.CARE_TEAM, viewer: admin }),
      "conflict",
      /Patients/,
    );
    await refusal(
      changeUserRole({ userId: clinic.admin.id, role: Role.CARE_TEAM, viewer: admin }),
      "conflict",
      /own role/,
    );
    await refusal(
      changeUserRole({ userId: clinic.provider.id, role: Role.CARE_TEAM, viewer: admin }),
      "conflict",
      /already has/,
    );
    await refusal(
      changeUserRole({
        userId: clinic.provider.id,
        role: Role.ADMIN,
        viewer: clinic.viewers.provider,
      }),
      "forbidden",
    );
    await refusal(
      changeUserRole({ userId: other.provider.id, role: Role.ADMIN, viewer: admin }),
      "not_found",
    );
    // An admin whose own account was deactivated (a stale session) cannot demote the last one.
    const stale = await createUser(db, {
      organizationId: clinic.organization.id,
      role: Role.ADMIN,
      isActive: false,
    });
    await refusal(
      changeUserRole({ userId: clinic.admin.id, role: Role.CARE_TEAM, viewer: viewerFor(stale) }),
      "conflict",
      /last active administrator/,
    );
    for (const userId of [
      clinic.patient.user.id,
      clinic.admin.id,
      clinic.provider.id,
      other.provider.id,
    ])
      expect(await auditCount(userId, "user.role_change")).toBe(0);
    expect((await stateOf(clinic.provider.id)).role).toBe(Role.CARE_TEAM);
    expect((await stateOf(other.provider.id)).role).toBe(Role.CARE_TEAM);
  });
});

describe("resetUserPassword", () => {
  it("sets the new password and ends the user's sessions, audited without the password", async () => {
    const clinic = await createClinic(db);
    const before = await stateOf(clinic.provider.id);
    await resetUserPassword({
      userId: clinic.provider.id,
      password: NEW_PASSWORD,
      viewer: clinic.viewers.admin,
    });
    const after = await stateOf(clinic.provider.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: clinic.provider.id, action: "user.password_reset" },
    });
    expect(audit.actorUserId).toBe(clinic.admin.id);
    expect(JSON.stringify(audit.details ?? null)).not.toContain(NEW_PASSWORD);
  });

  it("refuses non-admins and other clinics' users, changing nothing", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    const before = await stateOf(other.provider.id);
    await refusal(
      resetUserPassword({
        userId: other.provider.id,
        password: NEW_PASSWORD,
        viewer: clinic.viewers.admin,
      }),
      "not_found",
    );
    await refusal(
      resetUserPassword({
        userId: clinic.admin.id,
        password: NEW_PASSWORD,
        viewer: clinic.viewers.provider,
      }),
      "forbidden",
    );
    expect(await stateOf(other.provider.id)).toEqual(before);
    expect(await auditCount(other.provider.id, "user.password_reset")).toBe(0);
    expect(await auditCount(clinic.admin.id, "user.password_reset")).toBe(0);
  });
});

describe("listUsers", () => {
  it("lists only the clinic's users, filters by role, pages by 50 and shows mappings and records", async () => {
    const clinic = await createClinic(db);
    await createClinic(db);
    const organizationId = clinic.organization.id;
    await db.user.update({
      where: { id: clinic.provider.id },
      data: { videoConferenceUserId: "ZoomUser123", videoConferenceUserIdSource: "EMAIL_MATCH" },
    });
    for (let index = 0; index < USERS_PAGE_SIZE; index += 1)
      await createUser(db, { organizationId, role: Role.CARE_TEAM, password: null });
    await createSubject(db, { organizationId });

    const admin = clinic.viewers.admin;
    const first = await listUsers({ viewer: admin, query: { page: 1 } });
    expect(first.total).toBe(USERS_PAGE_SIZE + 3);
    expect(first.pageCount).toBe(2);
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    const second = await listUsers({ viewer: admin, query: { page: 2 } });
    expect(second.users).toHaveLength(3);
    const all = [...first.users, ...second.users];
    expect(new Set(all.map((user) => user.id)).size).toBe(USERS_PAGE_SIZE + 3);

    const patients = await listUsers({ viewer: admin, query: { role: Role.PATIENT, page: 1 } });
    expect(patients.users).toEqual([
      expect.objectContaining({
        id: clinic.patient.user.id,
        subjectRecordNumber: clinic.patient.subject.recordNumber,
      }),
    ]);
    expect(all.find((user) => user.id === clinic.provider.id)).toMatchObject({
      videoConferenceUserId: "ZoomUser123",
      videoConferenceUserIdSource: "EMAIL_MATCH",
    });
    expect(Object.keys(all[0] ?? {})).not.toContain("passwordHash");
    await refusal(listUsers({ viewer: clinic.viewers.provider, query: { page: 1 } }), "forbidden");
  });
});
