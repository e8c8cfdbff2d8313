import { describe, expect, it } from "vitest";

import { endSessions } from "@/lib/auth/end-sessions";
import { db } from "@/lib/db/db";
import { createClinic } from "@/tests/support/viewers";

describe("endSessions", () => {
  it("moves the session version on, so earlier session tokens stop working, and audits it", async () => {
    const clinic = await createClinic(db);
    const before = await db.user.findUniqueOrThrow({
      where: { id: clinic.provider.id },
      select: { sessionVersion: true },
    });
    await endSessions({ viewer: clinic.viewers.provider });
    const after = await db.user.findUniqueOrThrow({
      where: { id: clinic.provider.id },
      select: { sessionVersion: true },
    });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(
      await db.auditEvent.count({
        where: { actorUserId: clinic.provider.id, action: "auth.sign_out" },
      }),
    ).toBe(1);
  });
});
