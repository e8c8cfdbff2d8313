"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import type { BrowserFamily } from "@/lib/visits/device-check/constants";

import type { MediaProblem } from "./use-media-check";

const PROBLEMS = {
  missing_devices: { heading: "missingBothHeading", body: "missingBoth" },
  in_use: { heading: "inUseHeading", body: "inUse" },
  unsupported: { heading: "unsupportedHeading", body: "unsupported" },
} as const satisfies Record<Exclude<MediaProblem, "blocked">, { heading: string; body: string }>;

/** What to do when the camera and microphone could not be opened, for this patient's browser. */
export function MediaProblemHelp({
  problem,
  browser,
}: {
  problem: MediaProblem;
  browser: BrowserFamily;
}) {
  const t = useTranslations("DeviceCheck");
  if (problem !== "blocked") {
    const { heading, body } = PROBLEMS[problem];
    return (
      <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-4">
        <p className="font-semibold text-amber-950">{t(heading)}</p>
        <p className="mt-1 text-amber-950">{t(body)}</p>
      </div>
    );
  }
  const steps: unknown = t.raw(`permissionHelp.${browser}.steps`);
  return (
    <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">{t("blockedHeading")}</p>
      <p className="mt-1">{t("blockedIntro")}</p>
      <p className="mt-3 font-semibold">{t(`permissionHelp.${browser}.name`)}</p>
      <ol className="mt-1 list-decimal space-y-1 pl-6">
        {(Array.isArray(steps) ? steps.map(String) : []).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="mt-3">{t("reloadAfter")}</p>
      <Button
        variant="secondary"
        className="mt-3 min-h-11"
        onClick={() => window.location.reload()}
      >
        {t("reload")}
      </Button>
    </div>
  );
}
