"use client";

import { useEffect } from "react";

import { OFFLINE_SUMMARY_CACHE, OFFLINE_SUMMARY_KEY, type OfflineSummary } from "./constants";

/** Leaves what the patient sees now for the offline page (public/sw.js): words only, no ids. */
export function OfflineSummarySaver({ summary }: { summary: OfflineSummary }) {
  const json = JSON.stringify(summary);
  useEffect(() => {
    if (!("caches" in window) || !("serviceWorker" in navigator)) return;
    const response = new Response(json, { headers: { "Content-Type": "application/json" } });
    void caches
      .open(OFFLINE_SUMMARY_CACHE)
      .then((cache) => cache.put(OFFLINE_SUMMARY_KEY, response))
      .catch(() => undefined);
  }, [json]);
  return null;
}
