import "server-only";

import { db } from "@/lib/db/db";
import type { BoardSettings } from "@/lib/today/types";

/** The clinic's thresholds for the board: a long wait, the grace before a no-show, guest links. */
export async function getBoardSettings(organizationId: string): Promise<BoardSettings> {
  return db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { waitingAlertMinutes: true, noShowGraceMinutes: true, guestLinkUnusedMinutes: true },
  });
}
