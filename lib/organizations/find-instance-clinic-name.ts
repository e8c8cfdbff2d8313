import "server-only";

import { db } from "@/lib/db/db";

/** The clinic's name when this server serves exactly one clinic, else null (not personal data). */
export async function findInstanceClinicName(): Promise<string | null> {
  const clinics = await db.organization.findMany({ take: 2, select: { name: true } });
  return clinics.length === 1 ? (clinics[0]?.name ?? null) : null;
}
