"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { DeviceCheckStatus } from "@/generated/prisma/enums";

import { playChime } from "./play-chime";

const choice = "min-h-11 flex-1 sm:flex-none";

/** Plays a chime and asks whether the patient heard it; "no" explains what to check. */
export function SpeakerStep({ onDone }: { onDone: (speaker: DeviceCheckStatus) => void }) {
  const t = useTranslations("DeviceCheck");
  const [hasPlayed, setHasPlayed] = useState(false);
  const [isNotHeard, setIsNotHeard] = useState(false);
  const play = () => {
    setHasPlayed(true);
    void playChime().catch(() => setIsNotHeard(true));
  };
  return (
    <div className="flex flex-col gap-3">
      <p>{t("speakerIntro")}</p>
      <Button
        variant={hasPlayed ? "secondary" : "primary"}
        className="min-h-12 self-start text-base"
        onClick={play}
      >
        {hasPlayed ? t("playAgain") : t("playSound")}
      </Button>
      {hasPlayed ? (
        <div role="group" aria-labelledby="heard-it" className="flex flex-col gap-3">
          <p id="heard-it" className="font-semibold">
            {t("heardIt")}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button className={choice} onClick={() => onDone(DeviceCheckStatus.PASSED)}>
              {t("yesHeard")}
            </Button>
            <Button variant="secondary" className={choice} onClick={() => setIsNotHeard(true)}>
              {t("noHeard")}
            </Button>
          </div>
        </div>
      ) : null}
      {isNotHeard ? (
        <div
          role="status"
          className="flex flex-col gap-3 rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950"
        >
          <p>{t("speakerHelp")}</p>
          <Button
            variant="secondary"
            className="min-h-11 self-start"
            onClick={() => onDone(DeviceCheckStatus.FAILED)}
          >
            {t("continueAnyway")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
