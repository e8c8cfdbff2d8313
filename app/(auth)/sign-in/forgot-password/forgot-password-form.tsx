"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/action-state";

import { EmailField } from "../email-field";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const t = useTranslations("ForgotPassword");
  const [state, formAction] = useActionState(requestPasswordResetAction, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <EmailField label={t("email")} state={state} />
      <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
