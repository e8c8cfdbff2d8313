"use client";

import { useActionState } from "react";

import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, IDLE } from "@/lib/action-state";

type CancelDeletionButtonProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  requestId: string;
};

/** Cancel deletion of a pending Zoom data deletion, with its outcome announced. */
export function CancelDeletionButton({ action, requestId }: CancelDeletionButtonProps) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton variant="secondary" pendingLabel="Cancelling…">
        Cancel deletion
      </SubmitButton>
      <p
        aria-live="polite"
        className={state.status === "error" ? "text-red-700" : "text-slate-700"}
      >
        {state.status === "idle" ? "" : state.message}
      </p>
    </form>
  );
}
