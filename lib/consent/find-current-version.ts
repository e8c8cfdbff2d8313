import "server-only";

import type { Db, Tx } from "@/lib/db/db";

export type CurrentConsentVersion = { id: string; version: number; body: string; createdAt: Date };

/** The organization's newest consent text (the one patients are asked for), or null if none. */
export async function findCurrentConsentVersion(
  client: Db | Tx,
  organizationId: string,
): Promise<CurrentConsentVersion | null> {
  return client.telehealthConsentVersion.findFirst({
    where: { organizationId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, body: true, createdAt: true },
  });
}
