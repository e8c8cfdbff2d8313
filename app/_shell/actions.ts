"use server";

import { signOut } from "@/lib/auth/auth";
import { endSessions } from "@/lib/auth/end-sessions";
import { getViewer } from "@/lib/auth/viewer";

export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await endSessions({ viewer });
  await signOut({ redirectTo: "/sign-in" });
}
