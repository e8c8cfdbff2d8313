import "server-only";

import type { VisitStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db";

/**
 * Locks the visit row for the rest of the transaction and returns its status (null if it is gone).
 * Every inbound notification takes this lock before writing anything that refers to the visit, so
 * that two notifications of one visit run one after the other instead of deadlocking (a row that
 * refers to the visit takes a share lock on it, which blocks a later FOR UPDATE of another one).
 */
export async function lockVisit(tx: Tx, visitId: string): Promise<VisitStatus | null> {
  const [row] = await tx.$queryRaw<
    { status: VisitStatus }[]
  >`SELECT "status" FROM "Visit" WHERE "id" = ${visitId}::uuid FOR UPDATE`;
  return row?.status ?? null;
}
