"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/action-state";
import { USER_PASSWORD_MIN } from "@/lib/users/constants";

import { changePasswordAction } from "./change-password-actions";

/** `isChanged`: the password was just changed (this browser was signed in again, back here). */
export function ChangePasswordForm({ isChanged }: { isChanged: boolean }) {
  const [state, formAction] = useActionState(changePasswordAction, IDLE);
  const errors = state.status === "error" ? state : undefined;
  return (
    <form action={formAction} className="flex max-w-lg flex-col gap-4" noValidate>
      <div aria-live="polite">
        {errors?.message ? <Alert tone="error">{errors.message}</Alert> : null}
        {isChanged && state.status === "idle" ? (
          <Alert tone="success">Password changed. Every other session has ended.</Alert>
        ) : null}
      </div>
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={errors?.fieldErrors?.currentPassword}
      />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${USER_PASSWORD_MIN} characters. Every other session will end.`}
        required
        errors={errors?.fieldErrors?.password}
      />
      <Field
        label="Repeat the new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.fieldErrors?.confirmPassword}
      />
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}
