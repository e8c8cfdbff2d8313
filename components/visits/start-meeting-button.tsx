"use client";

import { Video } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import type { ActionState } from "@/lib/action-state";
import { cn } from "@/lib/utils";

type StartMeetingButtonProps = {
  action: () => Promise<ActionState>;
  /** Why starting is impossible right now (shown under the button), if it is. */
  disabledReason?: string;
};

const LABEL = "Start meeting now";

/**
 * The labelled button at the top right of the Video Conferencing page. It opens a tab at once (a later
 * window.open would be blocked as a pop-up), creates the visit and its Zoom meeting, then sends
 * that tab to the meeting.
 */
export function StartMeetingButton({ action, disabledReason }: StartMeetingButtonProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function start() {
    setError(null);
    const meetingTab = window.open("about:blank", "_blank");
    startTransition(async () => {
      const result = await action();
      if (result.status === "success" && result.id) {
        const joinUrl = `/api/visits/${result.id}/join`;
        if (meetingTab) meetingTab.location.href = joinUrl;
        else window.open(joinUrl, "_self");
      } else {
        meetingTab?.close();
        setError(
          result.status === "error"
            ? (result.message ?? "The meeting could not be started.")
            : null,
        );
      }
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <button
        type="button"
        onClick={start}
        disabled={isPending || Boolean(disabledReason)}
        aria-describedby={disabledReason ? "start-meeting-reason" : undefined}
        className={cn(
          "inline-flex min-h-11 items-center gap-2 rounded-full bg-blue-700 px-5 font-semibold text-white shadow hover:bg-blue-800",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:cursor-not-allowed disabled:bg-slate-400",
        )}
      >
        <Video aria-hidden className={cn("size-5", isPending && "animate-pulse")} />
        {LABEL}
      </button>
      {disabledReason ? (
        <p id="start-meeting-reason" className="max-w-xs text-right text-xs text-slate-700">
          {disabledReason}
        </p>
      ) : null}
      <div aria-live="polite">
        {isPending ? <p className="text-sm text-slate-700">Starting the meeting…</p> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
    </div>
  );
}
