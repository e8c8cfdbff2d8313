"use client";

import { useActionState } from "react";

import { ActionStatus } from "@/components/ui/action-status";
import type { ButtonVariant } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/action-state";

import type { UserFormAction } from "./types";

type UserActionFormProps = {
  action: UserFormAction;
  /** Hidden fields: the user's id, and e.g. the new role. */
  fields: Record<string, string>;
  label: string;
  accessibleLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
};

/** One button that changes one user, with its outcome announced next to it. */
export function UserActionForm({
  action,
  fields,
  label,
  accessibleLabel,
  pendingLabel,
  variant = "secondary",
}: UserActionFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton
        variant={variant}
        pendingLabel={pendingLabel}
        aria-label={accessibleLabel}
        className="self-start"
      >
        {label}
      </SubmitButton>
      <ActionStatus state={state} errorFallback="That did not work." />
    </form>
  );
}
