"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import type { DeviceCheckStatus } from "@/generated/prisma/enums";
import { formatTime } from "@/lib/format";
import type { BrowserFamily } from "@/lib/visits/device-check/constants";
import type { DeviceCheckSaveResult } from "@/lib/visits/device-check/types";

import { CheckSummary } from "./check-summary";
import { detectBrowser } from "./detect-browser";
import { measureNetwork, type NetworkMeasurement } from "./measure-network";
import { type MediaResult, MediaStep } from "./media-step";
import { SpeakerStep } from "./speaker-step";
import { useMediaCheck } from "./use-media-check";

type Step = "intro" | "media" | "speaker" | "network" | "done";

type DeviceCheckProps = {
  visitId: string;
  timeZone: string;
  /** From 15 minutes before the visit: the check-in; earlier: "Test my device". */
  isCheckIn: boolean;
  previous: { checkedAt: string; isPassed: boolean } | null;
  save: (formData: FormData) => Promise<DeviceCheckSaveResult>;
};

const STEP_HEADINGS = {
  media: "cameraHeading",
  speaker: "speakerHeading",
  network: "networkHeading",
  done: "summaryHeading",
} as const satisfies Record<Exclude<Step, "intro">, string>;

/** The guided check of camera, microphone, speaker and connection; the result is saved on the visit. */
export function DeviceCheck({ visitId, timeZone, isCheckIn, previous, save }: DeviceCheckProps) {
  const t = useTranslations("DeviceCheck");
  const locale = useLocale();
  const resultLine = (checked: { checkedAt: string; isPassed: boolean }) => {
    const time = formatTime(new Date(checked.checkedAt), timeZone, locale);
    return t(checked.isPassed ? "passedAt" : "failedAt", { time });
  };
  const [step, setStep] = useState<Step>("intro");
  const [media, setMedia] = useState<MediaResult | null>(null);
  const [speaker, setSpeaker] = useState<DeviceCheckStatus | null>(null);
  const [network, setNetwork] = useState<NetworkMeasurement | null>(null);
  const [result, setResult] = useState<DeviceCheckSaveResult | null>(null);
  const [isSaving, startSaving] = useTransition();
  const { check, start, stop } = useMediaCheck();
  const heading = useRef<HTMLHeadingElement>(null);
  const [browser, setBrowser] = useState<BrowserFamily>("other");

  useEffect(() => {
    if (step !== "intro") heading.current?.focus();
  }, [step]);

  useEffect(() => {
    if (step !== "network" || !media || !speaker) return;
    const abort = new AbortController();
    void measureNetwork(abort.signal).then(
      (measured) => {
        setNetwork(measured);
        setStep("done");
        const form = new FormData();
        form.set("visitId", visitId);
        form.set("camera", media.camera);
        form.set("microphone", media.microphone);
        form.set("speaker", speaker);
        form.set("roundTripMs", measured.roundTripMs?.toString() ?? "");
        form.set("downloadKbps", measured.downloadKbps?.toString() ?? "");
        form.set("browser", browser);
        startSaving(async () => {
          setResult(
            await save(form).catch(() => ({ status: "error" as const, message: t("saveFailed") })),
          );
        });
      },
      () => undefined,
    );
    return () => abort.abort();
  }, [step, media, speaker, visitId, save, browser, t]);

  const restart = () => {
    setBrowser(detectBrowser(navigator.userAgent).family);
    setMedia(null);
    setSpeaker(null);
    setNetwork(null);
    setResult(null);
    setStep("media");
  };
  const shown = result?.status === "saved" ? result : previous;

  return (
    <section
      aria-labelledby="device-check-heading"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="device-check-heading" className="text-lg font-semibold">
        {isCheckIn ? t("checkInHeading") : t("testHeading")}
      </h2>
      {step === "intro" ? (
        <>
          <p>{isCheckIn ? t("checkInIntro") : t("testIntro")}</p>
          {shown ? <p className="font-semibold">{resultLine(shown)}</p> : null}
          <Button className="min-h-12 self-start text-base" onClick={restart}>
            {shown ? t("testAgain") : isCheckIn ? t("startCheckIn") : t("startTest")}
          </Button>
        </>
      ) : (
        <>
          <h3 ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
            {t(STEP_HEADINGS[step])}
          </h3>
          {step === "media" ? (
            <MediaStep
              check={check}
              browser={browser}
              onAsk={() => void start()}
              onDone={(outcome) => {
                stop();
                setMedia(outcome);
                setStep("speaker");
              }}
            />
          ) : null}
          {step === "speaker" ? (
            <SpeakerStep
              onDone={(outcome) => {
                setSpeaker(outcome);
                setStep("network");
              }}
            />
          ) : null}
          {step === "network" ? (
            <p role="status" aria-live="polite">
              {t("measuring")}
            </p>
          ) : null}
          {step === "done" && media && speaker && network ? (
            <>
              <CheckSummary media={media} speaker={speaker} network={network} />
              <div role="status" aria-live="polite" className="font-semibold">
                {isSaving ? t("saving") : null}
                {!isSaving && result?.status === "saved" ? (
                  <>
                    <span>{resultLine(result)}</span>{" "}
                    <span className="font-normal">
                      {result.isPassed ? t("passedNote") : t("failedNote")}
                    </span>
                  </>
                ) : null}
                {!isSaving && result?.status === "error" ? result.message : null}
              </div>
              <Button variant="secondary" className="min-h-11 self-start" onClick={restart}>
                {t("testAgain")}
              </Button>
            </>
          ) : null}
          {step !== "done" ? (
            <Button
              variant="ghost"
              className="min-h-11 self-start"
              onClick={() => {
                stop();
                setStep("intro");
              }}
            >
              {t("cancel")}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
