"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, IDLE } from "@/lib/action-state";
import { USER_PASSWORD_MIN } from "@/lib/users/constants";

type SetPasswordFormProps = {
  token: string;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
};

/** A new password, twice; used by the invitation and the reset pages. */
export function SetPasswordForm({ token, action, submitLabel }: SetPasswordFormProps) {
  const t = useTranslations("SetPassword");
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <div aria-live="polite">
        {errors?.message ? <Alert tone="error">{errors.message}</Alert> : null}
      </div>
      <Field
        label={t("newPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t("hint", { minimum: USER_PASSWORD_MIN })}
        required
        errors={errors?.fieldErrors?.password}
      />
      <Field
        label={t("repeat")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.fieldErrors?.confirmPassword}
      />
      <SubmitButton pendingLabel={t("saving")}>{submitLabel}</SubmitButton>
    </form>
  );
}
