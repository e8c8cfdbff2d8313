"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, generalErrorsOf, IDLE } from "@/lib/action-state";
import { CONSENT_TEXT_MAX } from "@/lib/consent/constants";

type ConsentTextFormProps = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  body: string;
};

/** The admin writes the consent text; each save that changes it publishes a new version. */
export function ConsentTextForm({ action, body }: ConsentTextFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors?.body : undefined;
  const typed = state.status === "error" ? state.values?.body : undefined;
  const describedBy = ["consent-body-hint", errors ? "consent-body-error" : null]
    .filter(Boolean)
    .join(" ");
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="consent-body" className="text-sm font-medium text-slate-900">
          Consent text
        </label>
        <textarea
          id="consent-body"
          name="body"
          rows={14}
          maxLength={CONSENT_TEXT_MAX}
          defaultValue={typed ?? body}
          aria-invalid={errors ? true : undefined}
          aria-describedby={describedBy}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 focus-visible:border-blue-700 focus-visible:outline-2 focus-visible:outline-blue-700"
        />
        <p id="consent-body-hint" className="text-sm text-slate-600">
          Plain text, shown to patients exactly as typed: leave a blank line between paragraphs, and
          start a line with “- ” for a list item. No HTML or formatting codes.
        </p>
        {errors ? (
          <p id="consent-body-error" className="text-sm text-red-700">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
      <div aria-live="polite">
        {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
        {generalErrorsOf(state, ["body"]).map((message) => (
          <Alert key={message} tone="error">
            {message}
          </Alert>
        ))}
      </div>
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save as a new version
      </SubmitButton>
    </form>
  );
}
