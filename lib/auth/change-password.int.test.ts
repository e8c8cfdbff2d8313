import { describe, expect, it } from "vitest";

import { changePassword } from "@/lib/auth/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/db";
import { DEMO_PASSWORD } from "@/prisma/factories";
import { appErrorOf } from "@/tests/support/app-error";
import { createClinic } from "@/tests/support/viewers";

const NEW_PASSWORD = "a much longer new password";

async function userRow(id: string) {
  return db.user.findUniqueOrThrow({
    where: { id },
    select: { passwordHash: true, sessionVersion: true },
  });
}

describe("changePassword", () => {
  it("stores the new password as argon2id, ends every session and audits it", async () => {
    const clinic = await createClinic(db);
    const before = await userRow(clinic.patient.user.id);
    const result = await changePassword({
      viewer: clinic.viewers.patient,
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(result.email).toBe(clinic.patient.user.email);
    const after = await userRow(clinic.patient.user.id);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, after.passwordHash)).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    const events = await db.auditEvent.findMany({
      where: { actorUserId: clinic.patient.user.id, action: "auth.password_change" },
      select: { targetId: true },
    });
    expect(events).toEqual([{ targetId: clinic.patient.user.id }]);
  });

  it("refuses a wrong current password on its field and changes nothing", async () => {
    const clinic = await createClinic(db);
    const before = await userRow(clinic.provider.id);
    const error = await appErrorOf(
      changePassword({
        viewer: clinic.viewers.provider,
        currentPassword: "not the password",
        newPassword: NEW_PASSWORD,
      }),
    );
    expect(error.code).toBe("bad_request");
    expect(error.extra.fields?.currentPassword).toEqual(["That is not your current password."]);
    expect(await userRow(clinic.provider.id)).toEqual(before);
  });

  it("stops checking after five wrong current passwords", async () => {
    const clinic = await createClinic(db);
    const attempt = (currentPassword: string) =>
      changePassword({ viewer: clinic.viewers.admin, currentPassword, newPassword: NEW_PASSWORD });
    for (let i = 0; i < 5; i += 1)
      expect((await appErrorOf(attempt("wrong"))).code).toBe("bad_request");
    expect((await appErrorOf(attempt(DEMO_PASSWORD))).code).toBe("rate_limited");
  });

  it("is not found for an account without a password", async () => {
    const clinic = await createClinic(db);
    await db.user.update({ where: { id: clinic.provider.id }, data: { passwordHash: null } });
    const error = await appErrorOf(
      changePassword({
        viewer: clinic.viewers.provider,
        currentPassword: DEMO_PASSWORD,
        newPassword: NEW_PASSWORD,
      }),
    );
    expect(error.code).toBe("not_found");
  });
});
