"use client";

import { Video } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { buttonClasses } from "@/components/ui/button";

type PatientJoinButtonProps = {
  visitId: string;
  /** ISO instant from which joining is allowed (15 minutes before the start). */
  opensAt: string;
  /** "1:45 PM EST", in the clinic's zone (with the date when it is not today). */
  opensAtLabel: string;
  /** Whether the label names another day ("desde el lun., 7 dic." rather than "a partir de las"). */
  isOpeningAnotherDay?: boolean;
  /** Why joining must wait although the time has come (the consent is not signed yet). */
  blockedReason?: string;
};

const TICK_MS = 15_000;

/** "Join Meeting", disabled (with the time it opens) until 15 minutes before the visit; it opens by itself. */
export function PatientJoinButton({
  visitId,
  opensAt,
  opensAtLabel,
  isOpeningAnotherDay = false,
  blockedReason,
}: PatientJoinButtonProps) {
  const t = useTranslations("VisitCard");
  const opensAtMs = Date.parse(opensAt);
  const [isOpen, setIsOpen] = useState(() => Date.now() >= opensAtMs);

  useEffect(() => {
    if (isOpen) return;
    const timer = setInterval(() => setIsOpen(Date.now() >= opensAtMs), TICK_MS);
    return () => clearInterval(timer);
  }, [isOpen, opensAtMs]);

  const hintId = `join-hint-${visitId}`;
  return (
    <div className="flex flex-col gap-1">
      {isOpen && !blockedReason ? (
        <a
          href={`/api/visits/${visitId}/join`}
          target="_blank"
          rel="noopener"
          className={buttonClasses("primary", "min-h-12 w-full text-base sm:w-auto")}
        >
          <Video aria-hidden className="size-5" />
          {t("join")}
          <span className="sr-only"> {t("newTab")}</span>
        </a>
      ) : (
        <button
          type="button"
          disabled
          aria-describedby={hintId}
          className={buttonClasses("primary", "min-h-12 w-full text-base sm:w-auto")}
        >
          <Video aria-hidden className="size-5" />
          {t("join")}
        </button>
      )}
      <p id={hintId} aria-live="polite" className="text-sm text-slate-700">
        {blockedReason ??
          (isOpen
            ? t("waitingRoom")
            : t(isOpeningAnotherDay ? "opensOn" : "opensAt", { time: opensAtLabel }))}
      </p>
    </div>
  );
}
