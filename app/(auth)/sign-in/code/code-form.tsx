"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/action-state";

import { EmailField } from "../email-field";
import { requestCodeAction, signInWithCodeAction } from "./actions";

export type CodeStep = "request" | "enter";

/** The code sign-in's two forms: the email to send a code to, then the email and the code. */
export function CodeForm({ step, email }: { step: CodeStep; email?: string }) {
  const t = useTranslations("SignInCode");
  const isEntering = step === "enter";
  const [state, formAction] = useActionState(
    isEntering ? signInWithCodeAction : requestCodeAction,
    IDLE,
  );
  const errors = state.status === "error" ? state : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <EmailField label={t("email")} state={state} inputMode="email" defaultValue={email} />
      {isEntering ? (
        <Field
          label={t("code")}
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={7}
          required
          autoFocus
          errors={errors?.fieldErrors?.code}
        />
      ) : null}
      {isEntering ? (
        <SubmitButton pendingLabel={t("checking")}>{t("submitCode")}</SubmitButton>
      ) : (
        <SubmitButton pendingLabel={t("sending")}>{t("submitRequest")}</SubmitButton>
      )}
    </form>
  );
}
