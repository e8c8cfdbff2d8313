"use client";

import { useEffect } from "react";

import { OFFLINE_SUMMARY_CACHE } from "./constants";

/** On the sign-in page: the last patient's offline summary is deleted (signed out, or the session ended). */
export function ClearOfflineData() {
  useEffect(() => {
    if (!("caches" in window)) return;
    void caches.delete(OFFLINE_SUMMARY_CACHE).catch(() => undefined);
    navigator.serviceWorker?.controller?.postMessage({ type: "clear-offline-summary" });
  }, []);
  return null;
}
