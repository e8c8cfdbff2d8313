import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { normalizeConsentText } from "@/lib/consent/consent-text";
import { findCurrentConsentVersion } from "@/lib/consent/find-current-version";
import type { ConsentTextInput } from "@/lib/consent/schemas";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";

export type SaveConsentTextOptions = ConsentTextInput & { viewer: Viewer };

/**
 * Publishes the clinic's consent text as a new version (1, 2, 3, …): every patient whose consent is
 * for an older version is asked again before their next video visit. Versions are never edited.
 */
export async function saveConsentText({ viewer, body }: SaveConsentTextOptions) {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators change the consent text");
  const text = normalizeConsentText(body);
  try {
    return await db.$transaction(async (tx) => {
      const latest = await findCurrentConsentVersion(tx, viewer.organizationId);
      if (latest?.body === text) {
        const message = `This is the text patients already see (version ${latest.version}): nothing changed.`;
        throw new AppError("conflict", message, { fields: { body: [message] } });
      }
      const created = await tx.telehealthConsentVersion.create({
        data: {
          organizationId: viewer.organizationId,
          version: (latest?.version ?? 0) + 1,
          body: text,
          createdById: viewer.id,
        },
        select: { id: true, version: true, createdAt: true },
      });
      await recordAudit(tx, {
        actor: viewer,
        action: "consent.text_update",
        targetType: "consent_version",
        targetId: created.id,
        details: { version: created.version },
      });
      return created;
    });
  } catch (error) {
    // Two administrators saving at once: the unique (organization, version) lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("conflict", "Another version was saved at the same time", {
        cause: error,
        userMessage:
          "Another administrator saved a new version at the same moment. Reload the page to see it, then save again.",
      });
    throw error;
  }
}
