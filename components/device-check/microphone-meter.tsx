"use client";

import { useTranslations } from "next-intl";

/** The microphone's level as a bar (a native <meter>) and, for screen readers, in words. */
export function MicrophoneMeter({ level, isHeard }: { level: number; isHeard: boolean }) {
  const t = useTranslations("DeviceCheck");
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="mic-level" className="font-medium">
        {t("micLabel")}
      </label>
      <meter
        id="mic-level"
        min={0}
        max={100}
        low={25}
        optimum={60}
        value={level}
        className="h-6 w-full"
        aria-describedby="mic-level-status"
      />
      <p className="text-slate-700">{t("speakPrompt")}</p>
      <p id="mic-level-status" role="status" aria-live="polite" className="font-semibold">
        {isHeard ? <span aria-hidden>✓ </span> : null}
        {t(isHeard ? "micHeard" : "micNotYet")}
      </p>
    </div>
  );
}
