import "server-only";

import { z } from "zod";

import { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { MAX_SESSION_IDLE_MINUTES, MIN_SESSION_IDLE_MINUTES } from "@/lib/auth/session-lifetime";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";

export const sessionSettingsInputSchema = z.object({
  sessionIdleMinutes: z.coerce
    .number({ error: "Enter a number of minutes." })
    .int("Enter a whole number of minutes.")
    .min(MIN_SESSION_IDLE_MINUTES, `Use at least ${MIN_SESSION_IDLE_MINUTES} minutes.`)
    .max(MAX_SESSION_IDLE_MINUTES, `Use at most ${MAX_SESSION_IDLE_MINUTES} minutes (12 hours).`),
});
export type SessionSettingsInput = z.infer<typeof sessionSettingsInputSchema>;

export async function findSessionSettings({ viewer }: { viewer: Viewer }) {
  return db.organization.findUnique({
    where: { id: viewer.organizationId },
    select: { sessionIdleMinutes: true },
  });
}

/**
 * Sets the clinic's idle timeout. A shorter one applies at once: sessions begun under a longer one
 * end (lib/auth/session-lifetime.ts). Every instance hears of it through `user_changed`.
 */
export async function updateSessionSettings({
  viewer,
  sessionIdleMinutes,
}: SessionSettingsInput & { viewer: Viewer }) {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators change settings");
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: viewer.organizationId },
      select: { sessionIdleMinutes: true },
    });
    const after = await tx.organization.update({
      where: { id: viewer.organizationId },
      data: { sessionIdleMinutes },
      select: { id: true, sessionIdleMinutes: true },
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "organization.update",
      targetType: "organization",
      targetId: after.id,
      details: {
        changed: ["sessionIdleMinutes"],
        from: before.sessionIdleMinutes,
        to: sessionIdleMinutes,
      },
    });
    return after;
  });
}
