"use client";

import { useActionState } from "react";

import { CopyLinkButton } from "@/components/guests/copy-link-button";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { GuestRelationship } from "@/generated/prisma/enums";
import { generalErrorsOf, IDLE } from "@/lib/action-state";
import { GUEST_RELATIONSHIP_LABELS, type InviteGuestState } from "@/lib/guests/types";

const SHOWN_FIELDS = ["name", "relationship", "email", "locale"];

type InviteGuestFormProps = {
  visitId: string;
  action: (previous: InviteGuestState, formData: FormData) => Promise<InviteGuestState>;
};

/** Invite a guest: name, relationship, an optional email, the language; then the link, once. */
export function InviteGuestForm({ visitId, action }: InviteGuestFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const general = state.status === "invited" ? [] : generalErrorsOf(state, SHOWN_FIELDS);
  const id = (name: string) => `guest-${name}-${visitId}`;
  return (
    <details className="group" open={state.status === "invited" || Boolean(errors) || undefined}>
      <summary className="inline-flex min-h-10 cursor-pointer list-none items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700">
        Invite a guest
      </summary>
      <form action={formAction} className="mt-3 flex max-w-lg flex-col gap-3" noValidate>
        <input type="hidden" name="visitId" value={visitId} />
        <Field
          id={id("name")}
          label="Guest's name"
          name="name"
          maxLength={100}
          required
          errors={errors?.name}
        />
        <SelectField
          id={id("relationship")}
          name="relationship"
          label="Relationship"
          defaultValue={GuestRelationship.INTERPRETER}
          errors={errors?.relationship}
        >
          {Object.values(GuestRelationship).map((relationship) => (
            <option key={relationship} value={relationship}>
              {relationship === GuestRelationship.OTHER
                ? "Other"
                : GUEST_RELATIONSHIP_LABELS[relationship]}
            </option>
          ))}
        </SelectField>
        <Field
          id={id("email")}
          label="Email (optional)"
          name="email"
          type="email"
          maxLength={254}
          hint="We send the link there. Leave it empty to copy the link yourself."
          errors={errors?.email}
        />
        <SelectField
          id={id("locale")}
          name="locale"
          label="Language of the guest's page and email"
          defaultValue=""
          errors={errors?.locale}
        >
          <option value="">The patient&apos;s language</option>
          <option value="en">English</option>
          <option value="es">Spanish</option>
        </SelectField>
        <div aria-live="polite" className="flex flex-col gap-2">
          {general.map((message) => (
            <Alert key={message} tone="error">
              {message}
            </Alert>
          ))}
          {state.status === "invited" ? (
            <Alert tone={state.emailed === false ? "warning" : "success"}>
              <p>{state.message}</p>
              <p className="mt-2 font-mono text-xs break-all" aria-label="Guest link">
                {state.url}
              </p>
              <CopyLinkButton url={state.url} />
            </Alert>
          ) : null}
        </div>
        <SubmitButton pendingLabel="Inviting…" className="self-start">
          Create guest link
        </SubmitButton>
      </form>
    </details>
  );
}
