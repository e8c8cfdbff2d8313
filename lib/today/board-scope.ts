import "server-only";

import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { addDays, startOfDay } from "@/lib/time-zone";
import type { BoardQuery } from "@/lib/today/schemas";

/** Which visits one board shows: a clinic, a day (its instants), and perhaps one provider. */
export type BoardScope = {
  organizationId: string;
  providerId: string | null;
  from: Date;
  to: Date;
};

/**
 * The board's scope for the viewer (care team or admin). A provider id must be a care team member
 * or admin of the viewer's clinic; any other id (another clinic's, a patient's) is "not found".
 */
export async function resolveBoardScope(viewer: Viewer, query: BoardQuery): Promise<BoardScope> {
  if (viewer.role === Role.PATIENT) throw new AppError("not_found", "Page not found");
  const from = startOfDay(query.date, viewer.timeZone);
  const to = startOfDay(addDays(query.date, 1), viewer.timeZone);
  const base = { organizationId: viewer.organizationId, from, to };
  if (query.who === "clinic") return { ...base, providerId: null };
  if (query.who === "mine") return { ...base, providerId: viewer.id };
  const provider = await db.user.findFirst({
    where: {
      id: query.who,
      organizationId: viewer.organizationId,
      role: { in: [Role.CARE_TEAM, Role.ADMIN] },
    },
    select: { id: true },
  });
  if (!provider) throw new AppError("not_found", "Provider not found");
  return { ...base, providerId: provider.id };
}

/** Whether a visit (as read for the board) belongs on a board of this scope. */
export function isInBoardScope(
  scope: BoardScope,
  visit: { organizationId: string; providerId: string; scheduledStart: Date },
): boolean {
  return (
    visit.organizationId === scope.organizationId &&
    (scope.providerId === null || visit.providerId === scope.providerId) &&
    visit.scheduledStart >= scope.from &&
    visit.scheduledStart < scope.to
  );
}
