"use client";

import { useActionState } from "react";

import { ActionStatus } from "@/components/ui/action-status";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/action-state";

import { updateSessionSettingsAction } from "./session-actions";

type SessionSettingsFormProps = { sessionIdleMinutes: number; maxHours: number };

export function SessionSettingsForm({ sessionIdleMinutes, maxHours }: SessionSettingsFormProps) {
  const [state, formAction] = useActionState(updateSessionSettingsAction, IDLE);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex max-w-lg flex-col gap-4">
      <Field
        label="Sign out after inactivity (minutes)"
        name="sessionIdleMinutes"
        type="number"
        inputMode="numeric"
        min={5}
        max={720}
        step={1}
        defaultValue={sessionIdleMinutes}
        required
        hint={`From 5 to 720. Whatever this says, everyone signs in again ${maxHours} hours after signing in. A shorter time applies at once: sessions begun under a longer one end.`}
        errors={fieldErrors?.sessionIdleMinutes}
      />
      <ActionStatus state={state} />
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save session settings
      </SubmitButton>
    </form>
  );
}
