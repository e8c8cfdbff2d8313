"use client";

import { useActionState, useRef } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, IDLE } from "@/lib/action-state";

type RemoveZoomDialogProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  purgeDelayHours: number;
};

/** The red "Remove CareVisit from your Zoom Account" button, with confirmation and the retention choice. */
export function RemoveZoomDialog({ action, purgeDelayHours }: RemoveZoomDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction] = useActionState(action, IDLE);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <>
      <Button variant="danger" onClick={() => dialog.current?.showModal()}>
        Remove CareVisit from your Zoom Account
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="remove-zoom-title"
        className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={formAction} className="flex flex-col gap-4 p-6">
          <h2 id="remove-zoom-title" className="text-lg font-bold">
            Remove CareVisit from your Zoom account?
          </h2>
          <p className="text-slate-700">
            CareVisit&apos;s Zoom tokens are revoked. Nobody can start or join video visits until an
            administrator links Zoom again.
          </p>
          <fieldset
            className="flex flex-col gap-2"
            aria-describedby={
              fieldErrors?.retention ? "retention-hint retention-error" : "retention-hint"
            }
          >
            <legend className="mb-1 font-medium">
              Zoom data CareVisit stored (meeting numbers, times, attendance)
            </legend>
            <p id="retention-hint" className="text-sm text-slate-600">
              Choose one. Before a deletion, export what you must keep; until it runs, you can
              cancel it here, and linking the same Zoom account again cancels it.
            </p>
            <label className="flex items-start gap-2">
              <input type="radio" name="retention" value="keep" className="mt-1" />
              <span>Keep Zoom data</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="retention" value="delete" className="mt-1" />
              <span>Delete it, {purgeDelayHours} hours from now</span>
            </label>
            {fieldErrors?.retention ? (
              <p id="retention-error" role="alert" className="text-sm text-red-700">
                {fieldErrors.retention.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <input type="hidden" name="confirmed" value="yes" />
          {state.status === "error" && state.message ? (
            <Alert tone="error">{state.message}</Alert>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <SubmitButton variant="danger" pendingLabel="Removing…">
              Remove Zoom
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
