"use client";

import { useEffect } from "react";

import { SERVICE_WORKER_URL } from "./constants";

/** Registers the service worker (offline page, installable portal) once the page has loaded. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    // A failed registration (private mode, an old browser) only means no offline page.
    navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" }).catch(() => undefined);
  }, []);
  return null;
}
