import { describe, expect, it } from "vitest";

import { Role, VisitStatus } from "@/generated/prisma/enums";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { db } from "@/lib/db/db";
import { DEMO_PASSWORD } from "@/prisma/factories";
import { seedBulkSubjects } from "@/prisma/seed-bulk-subjects";
import { seedDemo } from "@/prisma/seed";

describe("seedDemo", () => {
  it("creates the demo clinic once, with accounts that sign in and a visit within the hour", async () => {
    const now = new Date();
    const first = await seedDemo(db, now);
    expect(first.created).toBe(true);
    const second = await seedDemo(db, now);
    expect(second).toEqual({ created: false, organizationId: first.organizationId });

    for (const [email, role] of [
      ["admin@carevisit.test", Role.ADMIN],
      ["provider@carevisit.test", Role.CARE_TEAM],
      ["patient@carevisit.test", Role.PATIENT],
    ] as const) {
      await expect(
        authenticateWithPassword({ identifier: email, password: DEMO_PASSWORD, ip: "192.0.2.1" }),
      ).resolves.toMatchObject({ role });
    }
    const patient = await db.user.findUniqueOrThrow({
      where: { email: "patient@carevisit.test" },
      select: { subject: { select: { id: true } } },
    });
    expect(patient.subject).not.toBeNull();
    const soon = await db.visit.findMany({
      where: {
        subjectId: patient.subject?.id,
        status: VisitStatus.SCHEDULED,
        scheduledStart: { gt: now, lte: new Date(now.getTime() + 60 * 60_000) },
      },
      select: { provider: { select: { email: true } } },
    });
    expect(soon).toEqual([{ provider: { email: "provider@carevisit.test" } }]);
    expect(await db.subject.count({ where: { organizationId: first.organizationId } })).toBe(200);
    expect(
      await db.attendance.count({ where: { visit: { subjectId: patient.subject?.id } } }),
    ).toBeGreaterThan(0);

    // A day later the demo still has a visit starting within the hour.
    const tomorrow = new Date(now.getTime() + 24 * 60 * 60_000);
    await seedDemo(db, tomorrow);
    expect(
      await db.visit.count({
        where: {
          subjectId: patient.subject?.id,
          scheduledStart: { gt: tomorrow, lte: new Date(tomorrow.getTime() + 60 * 60_000) },
        },
      }),
    ).toBe(1);

    await seedBulkSubjects(db, first.organizationId, 1_500);
    expect(await db.subject.count({ where: { organizationId: first.organizationId } })).toBe(1_700);
    const numbers = await db.subject.findMany({
      where: { organizationId: first.organizationId },
      select: { recordNumber: true },
    });
    expect(new Set(numbers.map((row) => row.recordNumber)).size).toBe(1_700);
  });
});
