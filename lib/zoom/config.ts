import "server-only";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type ZoomSettings = {
  clientId: string;
  clientSecret: string;
  oauthBaseUrl: string;
  apiBaseUrl: string;
  redirectUri: string;
};

/** The Zoom app's registration, or null when ZOOM_CLIENT_ID/SECRET are not set. */
export function findZoomSettings(): ZoomSettings | null {
  if (!env.ZOOM_CLIENT_ID || !env.ZOOM_CLIENT_SECRET) return null;
  return {
    clientId: env.ZOOM_CLIENT_ID,
    clientSecret: env.ZOOM_CLIENT_SECRET,
    oauthBaseUrl: env.ZOOM_OAUTH_BASE_URL.replace(/\/+$/, ""),
    apiBaseUrl: env.ZOOM_API_BASE_URL.replace(/\/+$/, ""),
    redirectUri: new URL("/api/zoom/oauth/callback", env.APP_BASE_URL).toString(),
  };
}

export function getZoomSettings(): ZoomSettings {
  const settings = findZoomSettings();
  if (!settings) {
    throw new AppError("conflict", "ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET are not set", {
      userMessage:
        "Zoom is not configured on this server. Ask your system administrator to set the Zoom app credentials.",
    });
  }
  return settings;
}

export function basicAuthorization(settings: ZoomSettings): string {
  return `Basic ${Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString("base64")}`;
}
