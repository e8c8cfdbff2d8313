import "server-only";

import type { ZoomSettings } from "@/lib/zoom/config";
import { zoomUserSchema } from "@/lib/zoom/schemas";

/**
 * The Zoom user who authorized a new token (`GET /users/me`), read before the connection exists:
 * its account id identifies the linked account. @see docs/protocols/zoom-rest.md#users
 */
export async function fetchTokenOwner(settings: ZoomSettings, accessToken: string) {
  const response = await fetch(`${settings.apiBaseUrl}/users/me`, {
    headers: { Authorization: `Bearer ${accessToken}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`GET /users/me answered ${response.status}`);
  const owner = zoomUserSchema.required({ account_id: true }).safeParse(await response.json());
  if (!owner.success) throw new Error("GET /users/me answered without an account id");
  return owner.data;
}
