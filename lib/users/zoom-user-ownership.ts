import "server-only";

import { AppError } from "@/lib/errors";
import type { ZoomConnectionRef } from "@/lib/zoom/api/request";
import { findZoomUser } from "@/lib/zoom/api/users";

/**
 * A Video Conference User ID must be the person's own Zoom user (same email): the app may act for
 * every user of the linked account, so a wrong id would let someone host as somebody else.
 * Throws bad_request with the reason on the field.
 */
export async function assertOwnZoomUser(
  connection: ZoomConnectionRef,
  zoomUserId: string,
  email: string,
): Promise<void> {
  const zoomUser = await findZoomUser(connection, zoomUserId);
  const problem = !zoomUser
    ? "There is no Zoom user with that id in the clinic's Zoom account."
    : zoomUser.email.toLowerCase() !== email.toLowerCase()
      ? "That Zoom user is not you: its email address differs from yours."
      : null;
  if (problem)
    throw new AppError("bad_request", problem, {
      userMessage: problem,
      fields: { videoConferenceUserId: [problem] },
    });
}
