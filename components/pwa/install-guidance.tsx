"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";

import { Button } from "@/components/ui/button";

import { detectBrowser } from "../device-check/detect-browser";

/** Chromium's install prompt, which it offers once the portal is installable (not in the DOM's types). */
type InstallPromptEvent = Event & { prompt: () => Promise<void> };

const STANDALONE = "(display-mode: standalone)";

function subscribeToDisplayMode(onChange: () => void) {
  const query = window.matchMedia(STANDALONE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Opened from the home screen already (Safari on iPhone says so with navigator.standalone). */
const isStandalone = () =>
  window.matchMedia(STANDALONE).matches ||
  (navigator as Navigator & { standalone?: boolean }).standalone === true;

/** "Add to home screen": the browser's own install button where it has one, else its steps. */
export function InstallGuidance() {
  // On the server (and until hydration) nothing is shown: only the browser knows where it runs.
  const t = useTranslations("Pwa");
  const isInstalled = useSyncExternalStore(subscribeToDisplayMode, isStandalone, () => true);
  const [prompt, setPrompt] = useState<InstallPromptEvent | null>(null);
  const [hasInstalled, setHasInstalled] = useState(false);

  useEffect(() => {
    const onPrompt = (event: Event) => {
      event.preventDefault();
      setPrompt(event as InstallPromptEvent);
    };
    const onInstalled = () => setHasInstalled(true);
    window.addEventListener("beforeinstallprompt", onPrompt);
    window.addEventListener("appinstalled", onInstalled);
    return () => {
      window.removeEventListener("beforeinstallprompt", onPrompt);
      window.removeEventListener("appinstalled", onInstalled);
    };
  }, []);

  if (isInstalled) return null;
  if (hasInstalled)
    return (
      <p role="status" className="font-semibold">
        {t("installed")}
      </p>
    );
  const steps: unknown = t.raw(`steps.${detectBrowser(navigator.userAgent).family}`);
  return (
    <section
      aria-labelledby="install-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="install-heading" className="mb-2 text-lg font-semibold">
        {t("installHeading")}
      </h2>
      <p className="mb-3">{t("installIntro")}</p>
      {prompt ? (
        <Button
          className="min-h-12 text-base"
          onClick={() => void prompt.prompt().catch(() => undefined)}
        >
          {t("installButton")}
        </Button>
      ) : (
        <ol className="list-decimal space-y-1 pl-6">
          {(Array.isArray(steps) ? steps.map(String) : []).map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
