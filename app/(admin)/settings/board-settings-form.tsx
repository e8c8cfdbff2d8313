"use client";

import { useActionState } from "react";

import { ActionStatus } from "@/components/ui/action-status";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/action-state";
import type { BoardSettings } from "@/lib/today/types";

import { updateBoardSettingsAction } from "./board-actions";

export function BoardSettingsForm({
  waitingAlertMinutes,
  noShowGraceMinutes,
  guestLinkUnusedMinutes,
}: BoardSettings) {
  const [state, formAction] = useActionState(updateBoardSettingsAction, IDLE);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex max-w-lg flex-col gap-4">
      <Field
        label="Highlight a patient waiting longer than (minutes)"
        name="waitingAlertMinutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={60}
        defaultValue={waitingAlertMinutes}
        required
        hint="From 1 to 60. The Today board marks the wait and sends a second alert."
        errors={fieldErrors?.waitingAlertMinutes}
      />
      <Field
        label="No-show after the visit's end (minutes)"
        name="noShowGraceMinutes"
        type="number"
        inputMode="numeric"
        min={0}
        max={120}
        defaultValue={noShowGraceMinutes}
        required
        hint="From 0 to 120. A visit whose patient never joined becomes a no-show this long after its slot ends."
        errors={fieldErrors?.noShowGraceMinutes}
      />
      <Field
        label="A guest link nobody used stops working after (minutes)"
        name="guestLinkUnusedMinutes"
        type="number"
        inputMode="numeric"
        min={5}
        max={1440}
        defaultValue={guestLinkUnusedMinutes}
        required
        hint="From 5 to 1440, counted from when the guest can first join (15 minutes before the visit). A link never outlives its visit."
        errors={fieldErrors?.guestLinkUnusedMinutes}
      />
      <ActionStatus state={state} />
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save Today board settings
      </SubmitButton>
    </form>
  );
}
