import "server-only";

import { db } from "@/lib/db/db";

/**
 * The clinic's name when the instance serves one clinic, for messages to people who are not
 * signed in ("contact …"). With several clinics it is null: naming the clinic of the account
 * someone typed would tell anyone who has an account where.
 */
export async function findSoleClinicName(): Promise<string | null> {
  const clinics = await db.organization.findMany({ take: 2, select: { name: true } });
  return clinics.length === 1 ? (clinics[0]?.name ?? null) : null;
}
