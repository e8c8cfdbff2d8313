import type { Viewer } from "@/lib/auth/types";
import { completeZoomLink } from "@/lib/zoom/link/complete-zoom-link";
import { startZoomLink } from "@/lib/zoom/link/start-zoom-link";

// Drives Zoom's consent page over HTTP, as an admin's browser would: the emulator's form fields.

export type ConsentChoice = {
  userEmail?: string;
  decision?: "allow" | "decline";
  isSharedAccessTicked?: boolean;
  /** Changes the authorize URL before "the browser" opens it (e.g. a tampered PKCE challenge). */
  tamper?: (url: URL) => void;
};

export const DEFAULT_ZOOM_ADMIN = "zoom-admin@carevisit.test";

/** Opens the consent page and submits it; returns Zoom's redirect back to the app. */
export async function consentAtZoom(
  authorizeUrl: string,
  choice: ConsentChoice = {},
): Promise<URL> {
  const url = new URL(authorizeUrl);
  choice.tamper?.(url);
  const page = await fetch(url);
  if (!page.ok) throw new Error(`The consent page answered ${page.status}`);
  const form = new URLSearchParams({
    ...Object.fromEntries(url.searchParams),
    user_email: choice.userEmail ?? DEFAULT_ZOOM_ADMIN,
    decision: choice.decision ?? "allow",
    ...(choice.isSharedAccessTicked === false ? {} : { shared_access: "on" }),
  });
  const response = await fetch(new URL("/oauth/authorize", url), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location)
    throw new Error(`Consent answered ${response.status}: ${await response.text()}`);
  return new URL(location);
}

/** The whole dance for a test that needs a linked organization. */
export async function linkZoom(viewer: Viewer, choice: ConsentChoice = {}) {
  const { authorizeUrl } = await startZoomLink({ viewer });
  const back = await consentAtZoom(authorizeUrl, choice);
  return completeZoomLink({
    viewer,
    code: back.searchParams.get("code") ?? undefined,
    state: back.searchParams.get("state") ?? undefined,
    error: back.searchParams.get("error") ?? undefined,
  });
}
