"use client";

import { useActionState } from "react";

import { ActionStatus } from "@/components/ui/action-status";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, IDLE } from "@/lib/action-state";
import { CLINIC_PHONE_MAX } from "@/lib/consent/constants";

type ClinicPhoneFormProps = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  phone: string | null;
};

/** The clinic's phone number that patients see beside the consent. */
export function ClinicPhoneForm({ action, phone }: ClinicPhoneFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors?.phone : undefined;
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-4">
      <Field
        label="Clinic phone number"
        name="phone"
        type="tel"
        autoComplete="tel"
        maxLength={CLINIC_PHONE_MAX}
        defaultValue={(state.status === "error" ? state.values?.phone : undefined) ?? phone ?? ""}
        hint="Shown to patients with the consent, so that those who do not agree can still call you. Leave empty to remove it."
        errors={errors}
      />
      <ActionStatus state={state} />
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save phone number
      </SubmitButton>
    </form>
  );
}
