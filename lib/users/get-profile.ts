import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";

/** The viewer's own profile, and whether they have a password to change (never the hash). */
export async function getProfile({ viewer }: { viewer: Viewer }) {
  const { passwordHash, ...profile } = await db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: {
      firstName: true,
      lastName: true,
      email: true,
      videoConferenceUserId: true,
      passwordHash: true,
    },
  });
  return { ...profile, hasPassword: passwordHash !== null };
}
