"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { DeviceCheckStatus } from "@/generated/prisma/enums";

import { DEVICE_CHECK_TEXT as TEXT } from "./messages";
import { playChime } from "./play-chime";

const choice = "min-h-11 flex-1 sm:flex-none";

/** Plays a chime and asks whether the patient heard it; "no" explains what to check. */
export function SpeakerStep({ onDone }: { onDone: (speaker: DeviceCheckStatus) => void }) {
  const [hasPlayed, setHasPlayed] = useState(false);
  const [isNotHeard, setIsNotHeard] = useState(false);
  const play = () => {
    setHasPlayed(true);
    void playChime().catch(() => setIsNotHeard(true));
  };
  return (
    <div className="flex flex-col gap-3">
      <p>{TEXT.speakerIntro}</p>
      <Button
        variant={hasPlayed ? "secondary" : "primary"}
        className="min-h-12 self-start text-base"
        onClick={play}
      >
        {hasPlayed ? TEXT.playAgain : TEXT.playSound}
      </Button>
      {hasPlayed ? (
        <div role="group" aria-labelledby="heard-it" className="flex flex-col gap-3">
          <p id="heard-it" className="font-semibold">
            {TEXT.heardIt}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button className={choice} onClick={() => onDone(DeviceCheckStatus.PASSED)}>
              {TEXT.yesHeard}
            </Button>
            <Button variant="secondary" className={choice} onClick={() => setIsNotHeard(true)}>
              {TEXT.noHeard}
            </Button>
          </div>
        </div>
      ) : null}
      {isNotHeard ? (
        <div
          role="status"
          className="flex flex-col gap-3 rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950"
        >
          <p>{TEXT.speakerHelp}</p>
          <Button
            variant="secondary"
            className="min-h-11 self-start"
            onClick={() => onDone(DeviceCheckStatus.FAILED)}
          >
            {TEXT.continueAnyway}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
