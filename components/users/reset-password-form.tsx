"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/action-state";
import { USER_PASSWORD_MIN } from "@/lib/users/constants";

import type { UserFormAction } from "./types";

type ResetPasswordFormProps = { action: UserFormAction; userId: string; name: string };

/** A new password typed by the admin; the user's sessions end. */
export function ResetPasswordForm({ action, userId, name }: ResetPasswordFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-2" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <Field
        id={`password-${userId}`}
        label={`New password for ${name}`}
        name="password"
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        hint={`At least ${USER_PASSWORD_MIN} characters. Signs them out everywhere.`}
        errors={errors?.password}
      />
      <SubmitButton
        variant="secondary"
        pendingLabel="Resetting…"
        aria-label={`Reset the password of ${name}`}
        className="self-start"
      >
        Reset password
      </SubmitButton>
      <div aria-live="polite">
        {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
        {state.status === "error" && !errors?.password ? (
          <Alert tone="error">{state.message ?? "The password was not changed."}</Alert>
        ) : null}
      </div>
    </form>
  );
}
