"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/action-state";

import { signInWithPasswordAction } from "./actions";

type SignInFormProps = {
  callbackPath: string;
  /** Why the last sign-in failed, shown until the form is sent again. */
  initialMessage?: string;
};

export function SignInForm({ callbackPath, initialMessage }: SignInFormProps) {
  const t = useTranslations("SignIn");
  const [state, formAction] = useActionState(signInWithPasswordAction, IDLE);
  const errors = state.status === "error" ? state : undefined;
  const message = state.status === "idle" ? initialMessage : errors?.message;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackPath} />
      <div aria-live="polite">{message ? <Alert tone="error">{message}</Alert> : null}</div>
      <Field
        label={t("identifier")}
        name="identifier"
        autoComplete="username"
        required
        defaultValue={errors?.values?.identifier}
        errors={errors?.fieldErrors?.identifier}
      />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={errors?.fieldErrors?.password}
      />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      <Link
        href="/sign-in/forgot-password"
        className="inline-flex min-h-11 items-center self-start text-sm font-semibold text-blue-700 underline"
      >
        {t("forgotPassword")}
      </Link>
    </form>
  );
}
