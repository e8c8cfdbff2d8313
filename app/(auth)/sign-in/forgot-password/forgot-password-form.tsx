"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/action-state";

import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const t = useTranslations("ForgotPassword");
  const [state, formAction] = useActionState(requestPasswordResetAction, IDLE);
  const errors = state.status === "error" ? state : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <div aria-live="polite">
        {errors?.message ? <Alert tone="error">{errors.message}</Alert> : null}
      </div>
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={errors?.values?.email}
        errors={errors?.fieldErrors?.email}
      />
      <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
