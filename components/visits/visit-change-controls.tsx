"use client";

import { useActionState, useRef } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { VisitTimeFields } from "@/components/visits/visit-time-fields";
import { type ActionState, generalErrorsOf, IDLE } from "@/lib/action-state";
import type { DateRange } from "@/lib/visits/types";

/** The reschedule form's fields that show their own errors; the hidden visitId's go in the alert. */
const RESCHEDULE_SHOWN_FIELDS = ["date", "time", "durationMinutes"];

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

type VisitChangeControlsProps = {
  visitId: string;
  /** The visit's current wall-clock date and time in the clinic's zone, to start from. */
  date: string;
  time: string;
  durationMinutes: number;
  /** The dates that may be chosen, in the clinic's zone. */
  dates: DateRange;
  reschedule: FormAction;
  cancel: FormAction;
};

/** Reschedule (an inline form that keeps what was typed after an error) and Cancel (with confirmation). */
export function VisitChangeControls({
  visitId,
  date,
  time,
  durationMinutes,
  dates,
  reschedule,
  cancel,
}: VisitChangeControlsProps) {
  const [rescheduleState, rescheduleAction] = useActionState(reschedule, IDLE);
  const [cancelState, cancelAction] = useActionState(cancel, IDLE);
  const confirmDialog = useRef<HTMLDialogElement>(null);
  const errors = rescheduleState.status === "error" ? rescheduleState.fieldErrors : undefined;
  const typed = rescheduleState.status === "error" ? rescheduleState.values : undefined;
  const hasFieldErrors = RESCHEDULE_SHOWN_FIELDS.some((field) => errors?.[field]?.length);
  // The cancel form has only the hidden visitId: all its errors go in the alert.
  const generalErrors = [
    ...generalErrorsOf(rescheduleState, RESCHEDULE_SHOWN_FIELDS),
    ...generalErrorsOf(cancelState, []),
  ];

  return (
    <div className="flex flex-col gap-3">
      {/* items-start: with Reschedule open, Cancel visit keeps its own height. */}
      <div className="flex flex-wrap items-start gap-2">
        {/* Open when the form has errors: without JavaScript the page comes back with it closed. */}
        <details className="group" open={hasFieldErrors || undefined}>
          <summary className="inline-flex min-h-10 cursor-pointer list-none items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700">
            Reschedule
          </summary>
          <form
            action={rescheduleAction}
            className="mt-3 grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-4 sm:grid-cols-4"
          >
            <input type="hidden" name="visitId" value={visitId} />
            <VisitTimeFields
              ids={{
                date: `reschedule-date-${visitId}`,
                time: `reschedule-time-${visitId}`,
                duration: `reschedule-duration-${visitId}`,
              }}
              labels={{ date: "New date", time: "New time" }}
              dates={dates}
              defaults={{
                date: typed?.date ?? date,
                time: typed?.time ?? time,
                durationMinutes: typed?.durationMinutes ?? String(durationMinutes),
              }}
              errors={errors}
            />
            <div className="flex items-end">
              <SubmitButton pendingLabel="Saving…">Save new time</SubmitButton>
            </div>
          </form>
        </details>
        <Button variant="secondary" onClick={() => confirmDialog.current?.showModal()}>
          Cancel visit
        </Button>
      </div>
      <dialog
        ref={confirmDialog}
        aria-labelledby={`cancel-title-${visitId}`}
        className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={cancelAction} className="flex flex-col gap-4 p-6">
          <input type="hidden" name="visitId" value={visitId} />
          <h2 id={`cancel-title-${visitId}`} className="text-lg font-bold">
            Cancel this visit?
          </h2>
          <p className="text-slate-700">
            Its Zoom meeting is deleted, and the join link stops working.
          </p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => confirmDialog.current?.close()}>
              Keep the visit
            </Button>
            <SubmitButton variant="danger" pendingLabel="Cancelling…">
              Cancel visit
            </SubmitButton>
          </div>
        </form>
      </dialog>
      <div aria-live="polite">
        {generalErrors.length > 0 ? <Alert tone="error">{generalErrors.join(" ")}</Alert> : null}
        {rescheduleState.status === "success" ? (
          <Alert tone="success">{rescheduleState.message}</Alert>
        ) : null}
      </div>
    </div>
  );
}
