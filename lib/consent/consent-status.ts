import "server-only";

import { findCurrentConsentVersion } from "@/lib/consent/find-current-version";
import type { ConsentStatus } from "@/lib/consent/types";
import type { Db, Tx } from "@/lib/db/db";

type Acceptance = { version: number; acceptedAt: Date };

/** Where a subject stands, from the clinic's current version and their latest acceptance. Pure. */
export function deriveConsentStatus(
  currentVersion: number | null,
  latest: Acceptance | null,
): ConsentStatus {
  if (currentVersion === null) return { state: "not_required" };
  if (!latest) return { state: "missing", currentVersion };
  if (latest.version < currentVersion) return { state: "outdated", ...latest, currentVersion };
  return { state: "current", ...latest };
}

/** True when the subject must (again) accept the consent before joining a video visit. */
export function isConsentNeeded(status: ConsentStatus): boolean {
  return status.state === "missing" || status.state === "outdated";
}

/** The subject's acceptance of the newest version they accepted, or null. */
export async function findLatestAcceptance(
  client: Db | Tx,
  organizationId: string,
  subjectId: string,
): Promise<Acceptance | null> {
  return client.telehealthConsent.findFirst({
    where: { organizationId, subjectId },
    orderBy: [{ version: "desc" }, { acceptedAt: "desc" }],
    select: { version: true, acceptedAt: true },
  });
}

/**
 * A subject's consent status. The caller has already checked that the viewer may see the subject
 * (it read the subject or the visit with the viewer's scope).
 */
export async function readConsentStatus(
  client: Db | Tx,
  organizationId: string,
  subjectId: string,
): Promise<ConsentStatus> {
  const [current, latest] = await Promise.all([
    findCurrentConsentVersion(client, organizationId),
    findLatestAcceptance(client, organizationId, subjectId),
  ]);
  return deriveConsentStatus(current?.version ?? null, latest);
}
