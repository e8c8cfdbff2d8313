"use client";

import { useActionState } from "react";

import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, IDLE } from "@/lib/action-state";

export type UndoNoShowAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** "Undo no-show" with the reason the no-show was wrong (kept in the audit trail). */
export function UndoNoShowForm({ visitId, action }: { visitId: string; action: UndoNoShowAction }) {
  const [state, formAction] = useActionState(action, IDLE);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold text-blue-800 underline">
        Undo no-show
      </summary>
      <form action={formAction} className="mt-2 flex flex-col gap-2">
        <input type="hidden" name="visitId" value={visitId} />
        <Field
          id={`undo-reason-${visitId}`}
          label="Reason"
          name="reason"
          required
          maxLength={500}
          errors={fieldErrors?.reason}
        />
        <div aria-live="polite">
          {state.status === "error" && state.message ? (
            <p className="text-red-700">{state.message}</p>
          ) : null}
        </div>
        <SubmitButton pendingLabel="Undoing…" className="self-start">
          Undo no-show
        </SubmitButton>
      </form>
    </details>
  );
}
