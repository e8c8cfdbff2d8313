"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, IDLE } from "@/lib/action-state";

const LANGUAGES = [
  ["en", "English"],
  ["es", "Spanish (Español)"],
] as const;

type SubjectFormProps = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** The subject's current values (Edit subject); empty for Add subject. */
  initial: Record<string, string>;
  dateHint: string;
  submitLabel: string;
  /** Edit subject: whose form this is, and whether a new email also moves their sign-in email. */
  subjectId?: string;
  hasPortalAccount?: boolean;
};

/** Add subject and Edit subject: each field's message beside it, what was typed kept. */
export function SubjectForm(props: SubjectFormProps) {
  const { action, initial, dateHint, submitLabel, subjectId, hasPortalAccount } = props;
  const [state, formAction] = useActionState(action, IDLE);
  const error = state.status === "error" ? state : undefined;
  const values = error?.values ?? initial;
  const key = JSON.stringify(values);
  const field = (name: string) => ({
    name,
    defaultValue: values[name] ?? "",
    errors: error?.fieldErrors?.[name],
  });
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate key={key}>
      {subjectId ? <input type="hidden" name="subjectId" value={subjectId} /> : null}
      <div aria-live="polite">
        {error?.message ? (
          <Alert tone={error.duplicateId ? "warning" : "error"}>
            <p>{error.message}</p>
            {error.duplicateId ? (
              <div className="mt-3 flex flex-wrap gap-3">
                <Link
                  href={`/subjects/${error.duplicateId}`}
                  className="font-semibold text-blue-700 underline"
                >
                  Open it
                </Link>
                <button
                  type="submit"
                  name="addAnyway"
                  value="on"
                  className="rounded-md border border-slate-400 bg-white px-3 py-1 font-semibold hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700"
                >
                  Add anyway
                </button>
              </div>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <Field label="Record number" autoComplete="off" {...field("recordNumber")} />
      {subjectId ? null : (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="assignNextNumber"
            defaultChecked={values.assignNextNumber === "on"}
            className="size-4"
          />
          Assign the next number
        </label>
      )}
      <Field label="First name" autoComplete="off" required {...field("firstName")} />
      <Field label="Last name" autoComplete="off" required {...field("lastName")} />
      <Field
        label="Date of birth"
        hint={dateHint}
        autoComplete="off"
        required
        {...field("dateOfBirth")}
      />
      <Field label="Email" type="email" autoComplete="off" {...field("email")} />
      {hasPortalAccount ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="confirmEmailChange" className="size-4" />
          Change the sign-in email too
        </label>
      ) : null}
      <Field label="Phone" type="tel" autoComplete="off" {...field("phone")} />
      <SelectField
        id="field-preferredLanguage"
        label="Preferred language"
        {...field("preferredLanguage")}
        defaultValue={values.preferredLanguage || "en"}
      >
        {LANGUAGES.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
