// The device check's rules, shared by the patient's check (to show the verdict at once) and the
// server (which decides what is stored). Figures are Zoom's own bandwidth guidance for a one-to-one
// video call (about 600 kbps up and down for standard quality, 1.2 Mbps for 720p) with headroom,
// and round trips beyond which a conversation starts to lag.
// @see https://support.zoom.com/hc/en/article?id=zm_kb&sysparm_article=KB0060748

/** Network check: a download of this many bytes from our own server (random, so not compressible). */
export const NETWORK_DOWNLOAD_BYTES = 500_000;
/** The largest download the network route serves. */
export const NETWORK_MAX_BYTES = 2_000_000;
/** Round trips measured (the median counts, so one slow one does not fail the check). */
export const NETWORK_PINGS = 5;

export const GOOD_DOWNLOAD_KBPS = 1_500;
export const FAIR_DOWNLOAD_KBPS = 600;
export const GOOD_ROUND_TRIP_MS = 300;
export const FAIR_ROUND_TRIP_MS = 800;

export type NetworkRating = "GOOD" | "FAIR" | "POOR" | "OFFLINE";

/** The plain-language verdict's grade, from the median round trip and the download rate. */
export function rateNetwork(
  roundTripMs: number | null,
  downloadKbps: number | null,
): NetworkRating {
  if (roundTripMs === null || downloadKbps === null) return "OFFLINE";
  if (downloadKbps >= GOOD_DOWNLOAD_KBPS && roundTripMs <= GOOD_ROUND_TRIP_MS) return "GOOD";
  if (downloadKbps >= FAIR_DOWNLOAD_KBPS && roundTripMs <= FAIR_ROUND_TRIP_MS) return "FAIR";
  return "POOR";
}

/** Browser families whose permission settings the check explains, in the patient's words. */
export const BROWSER_FAMILIES = [
  "chrome",
  "edge",
  "safari_ios",
  "safari",
  "firefox",
  "samsung",
  "other",
] as const;
export type BrowserFamily = (typeof BROWSER_FAMILIES)[number];
