import "server-only";

import { env } from "@/lib/env";

// The two addresses an administrator deals with when setting up telehealth links.

export const TELEHEALTH_NOTIFICATIONS_PATH = "/api/telehealth/notifications";

/**
 * Where Zoom sends join/leave notifications: CareVisit's own endpoint.
 * @see docs/protocols/telehealth-notifications.md#request
 */
export function getTelehealthNotificationUrl(): string {
  return new URL(TELEHEALTH_NOTIFICATIONS_PATH, env.APP_BASE_URL).toString();
}

/**
 * Zoom's telehealth host (the `baseUrl` of launch URLs), without a trailing slash.
 * @see docs/protocols/telehealth-urls.md#launch-url-and-plaintext
 */
export function getTelehealthBaseUrl(): string {
  return env.ZOOM_TELEHEALTH_BASE_URL.replace(/\/+$/, "");
}
