import { describe, expect, it } from "vitest";

import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { createClinic } from "@/tests/support/viewers";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { createZoomAccount } from "@/tests/support/zoom-account";
import { linkZoom } from "@/tests/support/zoom-link";
import { removeZoomLink } from "@/lib/zoom/link/remove-zoom-link";

const context = withZoomEmulator();

type EmulatorState = { stats: Record<string, unknown> };

const newZoomAccount = () => createZoomAccount(context.zoom);

describe("removing Zoom", () => {
  it("revokes the grant at Zoom, forgets the tokens and records the retention choice", async () => {
    const clinic = await createClinic(db);
    const account = await newZoomAccount();
    await linkZoom(clinic.viewers.admin, { userEmail: account.ownerEmail });
    const before = await context.zoom.control<EmulatorState>("GET", "/state");
    expect(await removeZoomLink({ viewer: clinic.viewers.admin, retainData: false })).toEqual({
      isRevokedAtZoom: true,
    });
    const after = await context.zoom.control<EmulatorState>("GET", "/state");
    expect(Number(after.stats.revokes)).toBe(Number(before.stats.revokes) + 1);

    const connection = await db.zoomConnection.findUniqueOrThrow({
      where: { organizationId: clinic.organization.id },
      select: { status: true, accessToken: true, refreshToken: true, removedAt: true },
    });
    expect(connection).toMatchObject({
      status: ZoomConnectionStatus.REMOVED,
      accessToken: null,
      refreshToken: null,
    });
    const deletion = await db.dataDeletionRequest.findFirstOrThrow({
      where: { organizationId: clinic.organization.id },
    });
    expect(deletion).toMatchObject({
      reason: "REMOVED_BY_ADMIN",
      retentionAllowed: false,
      status: "PENDING",
    });
    expect(deletion.dueAt.getTime() - deletion.requestedAt.getTime()).toBe(24 * 3_600_000);
    const removedAgain = await removeZoomLink({
      viewer: clinic.viewers.admin,
      retainData: false,
    }).catch((caught: unknown) => caught);
    expect(isAppError(removedAgain, "not_found")).toBe(true);
  });
});
