"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/action-state";

import { signInWithCodeAction } from "./actions";

export function EnterCodeForm({ email }: { email?: string }) {
  const [state, formAction] = useActionState(signInWithCodeAction, IDLE);
  const errors = state.status === "error" ? state : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <div aria-live="polite">
        {errors?.message ? <Alert tone="error">{errors.message}</Alert> : null}
      </div>
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={errors?.values?.email ?? email}
        errors={errors?.fieldErrors?.email}
      />
      <Field
        label="6-digit code"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={7}
        required
        autoFocus
        errors={errors?.fieldErrors?.code}
      />
      <SubmitButton pendingLabel="Checking…">Sign in</SubmitButton>
    </form>
  );
}
