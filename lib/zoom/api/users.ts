import "server-only";

import { type ZoomConnectionRef, zoomErrorOf, zoomRequest } from "@/lib/zoom/api/request";
import { zoomCreatedUserSchema, type ZoomUser, zoomUserSchema } from "@/lib/zoom/schemas";

// @see docs/protocols/zoom-rest.md#users

/** Zoom's "User does not exist" code. */
const USER_NOT_FOUND = 1001;

export function getZoomUser(
  connection: ZoomConnectionRef,
  userIdOrEmail: string,
): Promise<ZoomUser> {
  return zoomRequest(connection, {
    method: "GET",
    path: `/users/${encodeURIComponent(userIdOrEmail)}`,
    schema: zoomUserSchema,
  });
}

/** The Zoom user with that id or email in the linked account, or null when there is none. */
export async function findZoomUser(
  connection: ZoomConnectionRef,
  userIdOrEmail: string,
): Promise<ZoomUser | null> {
  try {
    return await getZoomUser(connection, userIdOrEmail);
  } catch (error) {
    const zoomError = zoomErrorOf(error);
    if (zoomError?.status === 404 || zoomError?.code === USER_NOT_FOUND) return null;
    throw error;
  }
}

export type CreateZoomUserInput = { email: string; firstName: string; lastName: string };

/**
 * Creates a Zoom user without a password (`custCreate`): they host and join through start and join
 * URLs only. Type 1 (Basic) needs no paid licence.
 */
export function createZoomUser(connection: ZoomConnectionRef, input: CreateZoomUserInput) {
  return zoomRequest(connection, {
    method: "POST",
    path: "/users",
    body: {
      action: "custCreate",
      user_info: {
        email: input.email,
        type: 1,
        first_name: input.firstName,
        last_name: input.lastName,
      },
    },
    schema: zoomCreatedUserSchema,
  });
}
