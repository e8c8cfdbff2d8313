"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DeviceCheckStatus } from "@/generated/prisma/enums";
import type { BrowserFamily } from "@/lib/visits/device-check/constants";

import { CameraPreview } from "./camera-preview";
import { MediaProblemHelp } from "./media-problem-help";
import { MicrophoneMeter } from "./microphone-meter";
import type { MediaCheck, MediaProblem } from "./use-media-check";
import { useMicLevel } from "./use-mic-level";

export type MediaResult = { camera: DeviceCheckStatus; microphone: DeviceCheckStatus };

const PROBLEM_RESULTS: Record<MediaProblem, MediaResult> = {
  blocked: { camera: DeviceCheckStatus.BLOCKED, microphone: DeviceCheckStatus.BLOCKED },
  missing_devices: { camera: DeviceCheckStatus.MISSING, microphone: DeviceCheckStatus.MISSING },
  in_use: { camera: DeviceCheckStatus.FAILED, microphone: DeviceCheckStatus.FAILED },
  unsupported: { camera: DeviceCheckStatus.FAILED, microphone: DeviceCheckStatus.FAILED },
};

type MediaStepProps = {
  check: MediaCheck;
  browser: BrowserFamily;
  onAsk: () => void;
  onDone: (result: MediaResult) => void;
};

const choice = "min-h-11 flex-1 sm:flex-none";

/** Camera preview, "can you see yourself?", and the microphone meter; or what to do when blocked. */
export function MediaStep({ check, browser, onAsk, onDone }: MediaStepProps) {
  const t = useTranslations("DeviceCheck");
  const stream = check.phase === "live" ? check.stream : null;
  const { level, isHeard } = useMicLevel(stream);
  const [isSeen, setIsSeen] = useState<boolean | null>(null);
  const [isSilent, setIsSilent] = useState(false);

  if (check.phase === "idle" || check.phase === "asking") {
    return (
      <div className="flex flex-col gap-3">
        <p className="font-semibold">{t("promptHeading")}</p>
        <p>{t("promptBody")}</p>
        <Button
          className="min-h-12 self-start text-base"
          onClick={onAsk}
          disabled={check.phase === "asking"}
        >
          {t("askPermission")}
        </Button>
        <p role="status" aria-live="polite" className="text-slate-700">
          {check.phase === "asking" ? t("asking") : ""}
        </p>
      </div>
    );
  }
  if (check.phase === "problem") {
    return (
      <div className="flex flex-col gap-3">
        <MediaProblemHelp problem={check.problem} browser={browser} />
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" className={choice} onClick={onAsk}>
            {t("testAgain")}
          </Button>
          <Button className={choice} onClick={() => onDone(PROBLEM_RESULTS[check.problem])}>
            {t("continueAnyway")}
          </Button>
        </div>
      </div>
    );
  }
  const camera = !check.hasCamera
    ? DeviceCheckStatus.MISSING
    : isSeen
      ? DeviceCheckStatus.PASSED
      : DeviceCheckStatus.FAILED;
  const microphone = !check.hasMicrophone
    ? DeviceCheckStatus.MISSING
    : isHeard
      ? DeviceCheckStatus.PASSED
      : DeviceCheckStatus.FAILED;
  const isCameraAnswered = !check.hasCamera || isSeen !== null;
  const isMicAnswered = !check.hasMicrophone || isHeard || isSilent;
  return (
    <div className="flex flex-col gap-4">
      {check.hasCamera ? (
        <div role="group" aria-labelledby="see-yourself" className="flex flex-col gap-3">
          <CameraPreview stream={check.stream} />
          <p id="see-yourself" className="font-semibold">
            {t("seeYourself")}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button
              variant={isSeen === true ? "primary" : "secondary"}
              className={choice}
              aria-pressed={isSeen === true}
              onClick={() => setIsSeen(true)}
            >
              {t("yesSee")}
            </Button>
            <Button
              variant={isSeen === false ? "primary" : "secondary"}
              className={choice}
              aria-pressed={isSeen === false}
              onClick={() => setIsSeen(false)}
            >
              {t("noSee")}
            </Button>
          </div>
          {isSeen === false ? <p role="status">{t("cameraNotSeen")}</p> : null}
        </div>
      ) : (
        <Alert tone="warning" title={t("missingCameraHeading")} className="p-4 text-base">
          {t("missingCamera")}
        </Alert>
      )}
      {check.hasMicrophone ? (
        <div className="flex flex-col gap-3">
          <MicrophoneMeter level={level} isHeard={isHeard} />
          {!isHeard ? (
            <Button
              variant="secondary"
              className="min-h-11 self-start"
              onClick={() => setIsSilent(true)}
            >
              {t("micSilent")}
            </Button>
          ) : null}
          {isSilent && !isHeard ? <p role="status">{t("micNotHeard")}</p> : null}
        </div>
      ) : (
        <Alert tone="warning" title={t("missingMicHeading")} className="p-4 text-base">
          {t("missingMic")}
        </Alert>
      )}
      <Button
        className="min-h-12 self-start text-base"
        disabled={!isCameraAnswered || !isMicAnswered}
        aria-describedby="media-next-hint"
        onClick={() => onDone({ camera, microphone })}
      >
        {t("next")}
      </Button>
      {!isCameraAnswered || !isMicAnswered ? (
        <p id="media-next-hint" className="text-sm text-slate-700">
          {t("nextHint")}
        </p>
      ) : null}
    </div>
  );
}
