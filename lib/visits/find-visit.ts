import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { type VisitSummary, visitSummarySelect } from "@/lib/visits/list-visits";
import { visitsVisibleTo } from "@/lib/visits/visibility";

export type FindVisitOptions = { visitId: string; viewer: Viewer };

/** The visit if the viewer may see it (else null), with the read audited. */
export async function findVisitForViewer({
  visitId,
  viewer,
}: FindVisitOptions): Promise<VisitSummary | null> {
  const visit = await db.visit.findFirst({
    where: { AND: [{ id: visitId }, visitsVisibleTo(viewer)] },
    select: visitSummarySelect,
  });
  if (!visit) return null;
  await recordAudit(db, {
    actor: viewer,
    action: "visit.view",
    targetType: "visit",
    targetId: visit.id,
    subjectId: visit.subjectId,
  });
  return visit;
}
