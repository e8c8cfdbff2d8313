"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { type ActionState, IDLE } from "@/lib/action-state";

type PortalActionButtonProps = {
  subjectId: string;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
};

/** One portal action (invite, resend, remove) with its answer announced beside it. */
export function PortalActionButton({
  subjectId,
  action,
  label,
  pendingLabel,
  variant,
}: PortalActionButtonProps) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="subjectId" value={subjectId} />
      <SubmitButton pendingLabel={pendingLabel} variant={variant} className="self-start">
        {label}
      </SubmitButton>
      <div aria-live="polite">
        {state.status === "error" && state.message ? (
          <Alert tone="error">{state.message}</Alert>
        ) : null}
        {state.status === "success" && state.message ? (
          <Alert tone="success">{state.message}</Alert>
        ) : null}
      </div>
    </form>
  );
}
