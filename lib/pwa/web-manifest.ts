import type { MetadataRoute } from "next";

// The installable portal's web app manifest. Browsers fetch a manifest without cookies, so it can
// only name the clinic when the server has one (the usual self-hosted case); a server shared by
// several clinics says "CareVisit".

export const APP_NAME = "CareVisit";
export const THEME_COLOR = "#1d4ed8";
const SHORT_NAME_MAX = 12;

/** The home-screen label: the name's first words that fit, else its start. */
export function shortNameOf(name: string): string {
  if (name.length <= SHORT_NAME_MAX) return name;
  let short = "";
  for (const word of name.split(/\s+/)) {
    const next = short ? `${short} ${word}` : word;
    if (next.length > SHORT_NAME_MAX) break;
    short = next;
  }
  return short || name.slice(0, SHORT_NAME_MAX);
}

export function buildWebManifest(clinicName: string | null): MetadataRoute.Manifest {
  const name = clinicName ?? APP_NAME;
  return {
    id: "/",
    name: clinicName ? `${clinicName} · ${APP_NAME}` : APP_NAME,
    short_name: shortNameOf(name),
    description: "Your video visits with your clinic: see when they are, check your device, join.",
    lang: "en",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f8fafc",
    theme_color: THEME_COLOR,
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
