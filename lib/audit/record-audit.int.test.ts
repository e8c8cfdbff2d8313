import { describe, expect, it } from "vitest";

import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/db";
import { createClinic } from "@/tests/support/viewers";

describe("recordAudit", () => {
  it("records who did what to which record, from where", async () => {
    const clinic = await createClinic(db);
    await recordAudit(db, {
      actor: clinic.viewers.provider,
      action: "subject.view",
      targetType: "subject",
      targetId: clinic.patient.subject.id,
      subjectId: clinic.patient.subject.id,
    });
    const row = await db.auditEvent.findFirstOrThrow({
      where: { actorUserId: clinic.provider.id },
    });
    expect(row).toMatchObject({
      organizationId: clinic.organization.id,
      actorRole: "CARE_TEAM",
      action: "subject.view",
      targetType: "subject",
      targetId: clinic.patient.subject.id,
      subjectId: clinic.patient.subject.id,
      ip: "198.51.100.10",
    });
  });

  it("commits or rolls back with the change it belongs to", async () => {
    const clinic = await createClinic(db);
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, {
          actor: clinic.viewers.admin,
          action: "organization.update",
          targetType: "organization",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count({ where: { actorUserId: clinic.admin.id } })).toBe(0);
  });

  it("cannot be changed or deleted, even by a direct query", async () => {
    const clinic = await createClinic(db);
    await recordAudit(db, {
      actor: clinic.viewers.admin,
      action: "organization.update",
      targetType: "organization",
    });
    const row = await db.auditEvent.findFirstOrThrow({ where: { actorUserId: clinic.admin.id } });
    await expect(
      db.auditEvent.update({ where: { id: row.id }, data: { action: "subject.view" } }),
    ).rejects.toThrow(/cannot be changed/);
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(
      /cannot be changed/,
    );
    expect(
      await db.auditEvent.count({ where: { id: row.id, action: "organization.update" } }),
    ).toBe(1);
  });

  it("cannot be truncated either, by the role the app connects as", async () => {
    const clinic = await createClinic(db);
    await recordAudit(db, {
      actor: clinic.viewers.admin,
      action: "organization.update",
      targetType: "organization",
    });
    const before = await db.auditEvent.count();
    for (const statement of [
      'TRUNCATE "AuditEvent"',
      'TRUNCATE TABLE ONLY "AuditEvent" RESTART IDENTITY CASCADE',
      'TRUNCATE "RateLimitCounter", "AuditEvent"',
    ])
      await expect(db.$executeRawUnsafe(statement), statement).rejects.toThrow(
        /cannot be truncated/,
      );
    expect(await db.auditEvent.count()).toBe(before);
  });
});
