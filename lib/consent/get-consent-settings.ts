import "server-only";

import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";

const VERSIONS_SHOWN = 10;

export type ConsentVersionItem = {
  id: string;
  version: number;
  createdAt: Date;
  createdBy: string | null;
  acceptedCount: number;
};

/** The admin's consent page: the current text, the latest versions with their acceptances, the phone. */
export async function getConsentSettings({ viewer }: { viewer: Viewer }) {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators see the consent settings");
  const organizationId = viewer.organizationId;
  const [organization, versions] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { name: true, phone: true },
    }),
    db.telehealthConsentVersion.findMany({
      where: { organizationId },
      orderBy: { version: "desc" },
      take: VERSIONS_SHOWN,
      select: {
        id: true,
        version: true,
        body: true,
        createdAt: true,
        createdById: true,
        _count: { select: { acceptances: true } },
      },
    }),
  ]);
  const authors = await db.user.findMany({
    where: { organizationId, id: { in: versions.map((version) => version.createdById) } },
    select: { id: true, firstName: true, lastName: true },
  });
  const nameOf = new Map(authors.map((user) => [user.id, `${user.firstName} ${user.lastName}`]));
  const history: ConsentVersionItem[] = versions.map((version) => ({
    id: version.id,
    version: version.version,
    createdAt: version.createdAt,
    createdBy: nameOf.get(version.createdById) ?? null,
    acceptedCount: version._count.acceptances,
  }));
  return {
    clinicName: organization.name,
    phone: organization.phone,
    current: versions[0] ?? null,
    history,
  };
}
