import type { InputHTMLAttributes } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";

type EmailFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "type"> & {
  label: string;
  state: ActionState;
};

/**
 * The email field that opens a sign-in form, after the form's error alert: it keeps what was typed
 * and shows the field's errors.
 */
export function EmailField({ label, state, defaultValue, ...input }: EmailFieldProps) {
  const errors = state.status === "error" ? state : undefined;
  return (
    <>
      <div aria-live="polite">
        {errors?.message ? <Alert tone="error">{errors.message}</Alert> : null}
      </div>
      <Field
        label={label}
        name="email"
        type="email"
        autoComplete="email"
        required
        {...input}
        defaultValue={errors?.values?.email ?? defaultValue}
        errors={errors?.fieldErrors?.email}
      />
    </>
  );
}
