import { Role } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db/db-client";

/** The demo clinic's telehealth consent (version 1), which the demo patient signs before joining. */
export const DEMO_CONSENT_TEXT = `Riverside Family Clinic offers video visits (telehealth) so that you can see your care team without coming in.

By signing, you agree that:
- your visit takes place over video, and your provider may decide that you need to come in person instead;
- the visit is private: we do not record it, and you should join from a place where you can talk freely;
- a video visit can be interrupted by a poor connection; if it is, we will call you at the number we have on file;
- you can stop the visit, or withdraw this consent, at any time by telling your care team.

Questions? Call the clinic before your visit.`;

/** Gives the demo clinic its consent text and phone number once (existing demo databases too). */
export async function ensureDemoConsent(db: Db, organizationId: string): Promise<void> {
  if (await db.telehealthConsentVersion.count({ where: { organizationId } })) return;
  const admin = await db.user.findFirstOrThrow({
    where: { organizationId, role: Role.ADMIN },
    select: { id: true },
  });
  await db.organization.update({
    where: { id: organizationId },
    data: { phone: "(555) 010-2000" },
  });
  await db.telehealthConsentVersion.create({
    data: { organizationId, version: 1, body: DEMO_CONSENT_TEXT, createdById: admin.id },
  });
}
