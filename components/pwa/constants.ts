// Names shared with the service worker (public/sw.js, plain JavaScript: keep both in step).

/** The cache that holds the offline page's summary, and nothing else. */
export const OFFLINE_SUMMARY_CACHE = "carevisit-offline-summary";
/** The summary's key in that cache (a name only: no such URL is ever fetched). */
export const OFFLINE_SUMMARY_KEY = "/offline-summary.json";
export const SERVICE_WORKER_URL = "/sw.js";

/** What the offline page shows: words written by the portal, so they can be translated with it. */
export type OfflineSummary = {
  lang: string;
  title: string;
  heading: string;
  lines: string[];
  retry: string;
};
