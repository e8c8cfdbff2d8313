"use client";

import { Button } from "@/components/ui/button";
import type { BrowserFamily } from "@/lib/visits/device-check/constants";

import { DEVICE_CHECK_TEXT as TEXT, PERMISSION_HELP } from "./messages";
import type { MediaProblem } from "./use-media-check";

const PROBLEMS: Record<Exclude<MediaProblem, "blocked">, { heading: string; body: string }> = {
  missing_devices: { heading: TEXT.missingBothHeading, body: TEXT.missingBoth },
  in_use: { heading: TEXT.inUseHeading, body: TEXT.inUse },
  unsupported: { heading: TEXT.unsupportedHeading, body: TEXT.unsupported },
};

/** What to do when the camera and microphone could not be opened, for this patient's browser. */
export function MediaProblemHelp({
  problem,
  browser,
}: {
  problem: MediaProblem;
  browser: BrowserFamily;
}) {
  if (problem !== "blocked") {
    const { heading, body } = PROBLEMS[problem];
    return (
      <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-4">
        <p className="font-semibold text-amber-950">{heading}</p>
        <p className="mt-1 text-amber-950">{body}</p>
      </div>
    );
  }
  const help = PERMISSION_HELP[browser];
  return (
    <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">{TEXT.blockedHeading}</p>
      <p className="mt-1">{TEXT.blockedIntro}</p>
      <p className="mt-3 font-semibold">{help.name}</p>
      <ol className="mt-1 list-decimal space-y-1 pl-6">
        {help.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="mt-3">{TEXT.reloadAfter}</p>
      <Button
        variant="secondary"
        className="mt-3 min-h-11"
        onClick={() => window.location.reload()}
      >
        {TEXT.reload}
      </Button>
    </div>
  );
}
