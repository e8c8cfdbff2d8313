import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";

/** The viewer's own profile. */
export async function getProfile({ viewer }: { viewer: Viewer }) {
  return db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { firstName: true, lastName: true, email: true, videoConferenceUserId: true },
  });
}
