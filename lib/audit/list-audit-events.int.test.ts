import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/lib/audit/list-audit-events";
import { type AuditQuery, parseAuditQuery } from "@/lib/audit/schemas";
import { createClinic } from "@/tests/support/viewers";

function queryOf(raw: Record<string, string>): AuditQuery {
  const parsed = parseAuditQuery(raw);
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.query;
}

/** Audit rows at fixed times on 10 January 2026 (New York is UTC−5). */
async function seedTrail() {
  const clinic = await createClinic(db);
  const other = await createClinic(db);
  const organizationId = clinic.organization.id;
  const base = { organizationId, actorRole: clinic.admin.role, targetType: "subject" };
  // 60 subject views by the care team member, one a minute from 09:00 local (14:00Z).
  await db.auditEvent.createMany({
    data: Array.from({ length: 60 }, (_, n) => ({
      ...base,
      actorUserId: clinic.provider.id,
      action: "subject.view",
      targetId: clinic.patient.subject.id,
      subjectId: clinic.patient.subject.id,
      occurredAt: new Date(Date.UTC(2026, 0, 10, 14, n)),
    })),
  });
  // The admin changed the clinic's settings on the 9th; another clinic did the same on the 10th.
  await db.auditEvent.create({
    data: {
      ...base,
      actorUserId: clinic.admin.id,
      action: "organization.update",
      targetType: "organization",
      targetId: organizationId,
      occurredAt: new Date("2026-01-09T15:00:00Z"),
      details: { fields: ["timeZone"], previous: null },
    },
  });
  await db.auditEvent.create({
    data: {
      organizationId: other.organization.id,
      actorUserId: other.admin.id,
      action: "organization.update",
      targetType: "organization",
      occurredAt: new Date("2026-01-10T15:00:00Z"),
    },
  });
  return { clinic, other };
}

describe("listAuditEvents", () => {
  it("pages through the clinic's trail newest first, and records each read", async () => {
    const { clinic } = await seedTrail();
    const viewer = clinic.viewers.admin;

    const first = await listAuditEvents({ viewer, query: queryOf({}) });
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.events[0]).toMatchObject({
      action: "subject.view",
      occurredAt: new Date("2026-01-10T14:59:00Z"),
      actor: { id: clinic.provider.id },
      subject: { id: clinic.patient.subject.id, recordNumber: clinic.patient.subject.recordNumber },
    });
    expect(first.nextCursor).not.toBeNull();

    const second = await listAuditEvents({
      viewer,
      query: queryOf({ before: first.nextCursor ?? "" }),
    });
    // 60 views + 1 settings change = 61 rows: 50 on the first page, 11 on the second. The
    // "audit.view" row the first read wrote is newer than the cursor, so it is not repeated here.
    expect(second.events).toHaveLength(11);
    expect(second.events.at(-1)).toMatchObject({
      action: "organization.update",
      actionLabel: "Changed the clinic's settings",
      targetLabel: "Clinic",
      details: "Fields: time zone", // in words; empty values are left out
    });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.events, ...second.events].map((event) => event.id);
    expect(new Set(ids).size).toBe(61);

    const reads = await db.auditEvent.count({
      where: {
        organizationId: clinic.organization.id,
        action: "audit.view",
        actorUserId: viewer.id,
      },
    });
    expect(reads).toBe(2);
  });

  it("filters by user, subject, action and the clinic's calendar days", async () => {
    const { clinic } = await seedTrail();
    const viewer = clinic.viewers.admin;
    const list = (raw: Record<string, string>) => listAuditEvents({ viewer, query: queryOf(raw) });

    expect(
      (await list({ user: clinic.admin.email.toUpperCase() })).events.map((e) => e.action),
    ).toEqual(["organization.update"]);
    expect((await list({ subject: clinic.patient.subject.recordNumber })).events).toHaveLength(50);
    expect((await list({ action: "organization.update" })).events).toHaveLength(1);
    // 15:00Z on the 9th is 10:00 in New York: on the 9th, not the 10th.
    expect(
      (await list({ from: "2026-01-09", to: "2026-01-09" })).events.map((e) => e.action),
    ).toEqual(["organization.update"]);
    expect(
      (await list({ from: "2026-01-11" })).events.every((e) => e.action === "audit.view"),
    ).toBe(true);
  });

  it("refuses unknown users and subjects, another clinic's user, and care team members", async () => {
    const { clinic, other } = await seedTrail();
    const refused: Record<string, string>[] = [
      { user: "nobody@carevisit.test" },
      { user: other.admin.email },
      { subject: "NOPE-1" },
    ];
    for (const raw of refused) {
      const refusal: unknown = await listAuditEvents({
        viewer: clinic.viewers.admin,
        query: queryOf(raw),
      }).catch((error: unknown) => error);
      expect(isAppError(refusal, "bad_request")).toBe(true);
    }
    const forbidden: unknown = await listAuditEvents({
      viewer: clinic.viewers.provider,
      query: queryOf({}),
    }).catch((error: unknown) => error);
    expect(isAppError(forbidden, "forbidden")).toBe(true);
    expect(
      await db.auditEvent.count({
        where: { action: "audit.view", organizationId: clinic.organization.id },
      }),
    ).toBe(0);
  });
});

describe("parseAuditQuery", () => {
  it.each([
    [{ action: "visit.delete" }, "action"],
    [{ from: "2026-02-30" }, "from"],
    [{ from: "2026-13-01" }, "from"],
    [{ from: "2026-01-10", to: "2026-01-09" }, "from"],
    [{ before: "yesterday" }, "before"],
  ])("refuses %j with a reason", (raw, field) => {
    const parsed = parseAuditQuery(raw);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(Object.keys(parsed.fields)).toContain(field);
  });

  it("treats blank fields as no filter", () => {
    expect(parseAuditQuery({ user: " ", action: "", from: "" })).toEqual({
      success: true,
      query: {
        user: undefined,
        subject: undefined,
        action: undefined,
        from: undefined,
        to: undefined,
      },
    });
  });
});
