import { BellOff, BellRing } from "lucide-react";

import { Button } from "@/components/ui/button";

/** The board's opt-in for alerts in this browser (the Video Conferencing page shares it). */
export function AlertsSwitch({ isOn, onToggle }: { isOn: boolean; onToggle: () => void }) {
  return (
    <Button
      type="button"
      variant="ghost"
      className="px-2 py-1 text-sm"
      aria-pressed={isOn}
      onClick={onToggle}
    >
      {isOn ? (
        <BellRing aria-hidden className="size-4" />
      ) : (
        <BellOff aria-hidden className="size-4" />
      )}
      {isOn ? "Waiting alerts on" : "Alert me when a patient is waiting"}
    </Button>
  );
}
