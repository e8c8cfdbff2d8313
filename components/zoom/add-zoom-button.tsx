"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, IDLE } from "@/lib/action-state";

type AddZoomButtonProps = { action: () => Promise<ActionState>; label: string };

/** The blue "Add CareVisit to your Zoom Account" button: starts Zoom's OAuth consent. */
export function AddZoomButton({ action, label }: AddZoomButtonProps) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col items-start gap-3">
      <div aria-live="polite">
        {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      </div>
      <SubmitButton pendingLabel="Opening Zoom…">{label}</SubmitButton>
    </form>
  );
}
