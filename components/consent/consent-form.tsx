"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useActionState, useEffect, useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, generalErrorsOf, IDLE } from "@/lib/action-state";
import { SIGNED_NAME_MAX } from "@/lib/consent/constants";

type ConsentFormProps = {
  visitId: string;
  version: number;
  expectedName: string;
  clinicPhone: string | null;
  isRenewal: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The consent text itself (rendered on the server). */
  children: ReactNode;
};

/** Read, tick, type your name, sign; or decline and see how to reach the clinic instead. */
export function ConsentForm(props: ConsentFormProps) {
  const { visitId, version, expectedName, clinicPhone, isRenewal, action, children } = props;
  const t = useTranslations("Consent");
  const [state, formAction] = useActionState(action, IDLE);
  const [isDeclined, setIsDeclined] = useState(false);
  const declined = useRef<HTMLDivElement>(null);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const typed = state.status === "error" ? state.values : undefined;
  const telHref = clinicPhone ? `tel:${clinicPhone.replace(/[^+\d]/g, "")}` : null;

  useEffect(() => {
    if (isDeclined) declined.current?.focus();
  }, [isDeclined]);

  return (
    <div className="flex flex-col gap-4">
      <p>{t(isRenewal ? "changedIntro" : "intro")}</p>
      <div
        className="max-h-96 overflow-y-auto rounded-md border border-slate-300 bg-slate-50 p-4"
        tabIndex={0}
        role="region"
        aria-label={t("version", { version })}
      >
        <p className="mb-2 text-sm text-slate-700">{t("version", { version })}</p>
        {children}
      </div>
      {clinicPhone && telHref ? (
        <p className="text-sm">
          <a href={telHref} className="font-semibold text-blue-800 underline">
            {t("questions", { phone: clinicPhone })}
          </a>
        </p>
      ) : null}
      {isDeclined ? (
        <div
          ref={declined}
          tabIndex={-1}
          role="status"
          className="flex flex-col gap-3 rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950 focus:outline-none"
        >
          <p className="font-semibold">{t("declinedHeading")}</p>
          <p>{t("declinedBody")}</p>
          {clinicPhone && telHref ? (
            <a
              href={telHref}
              className="inline-flex min-h-11 items-center self-start rounded-md bg-blue-700 px-4 py-2 font-semibold text-white underline"
            >
              {t("callClinic", { phone: clinicPhone })}
            </a>
          ) : (
            <p>{t("noPhone")}</p>
          )}
          <Button
            variant="secondary"
            className="min-h-11 self-start"
            onClick={() => setIsDeclined(false)}
          >
            {t("changedMind")}
          </Button>
        </div>
      ) : (
        <form action={formAction} className="flex flex-col gap-4">
          <input type="hidden" name="visitId" value={visitId} />
          <input type="hidden" name="version" value={version} />
          <div className="flex items-start gap-3">
            <input
              id="consent-agreed"
              name="agreed"
              type="checkbox"
              required
              defaultChecked={typed?.agreed === "on"}
              aria-invalid={errors?.agreed ? true : undefined}
              aria-describedby={errors?.agreed ? "consent-agreed-error" : undefined}
              className="mt-1 size-6 shrink-0 accent-blue-700"
            />
            <label htmlFor="consent-agreed" className="flex min-h-11 items-center font-medium">
              {t("agree")}
            </label>
          </div>
          {errors?.agreed ? (
            <p id="consent-agreed-error" className="text-sm text-red-700">
              {errors.agreed.join(" ")}
            </p>
          ) : null}
          <Field
            label={t("nameLabel")}
            name="signedName"
            autoComplete="name"
            required
            defaultValue={typed?.signedName ?? ""}
            maxLength={SIGNED_NAME_MAX}
            hint={t("nameHint", { name: expectedName })}
            errors={errors?.signedName}
            className="max-w-md"
          />
          <div aria-live="polite">
            {generalErrorsOf(state, ["agreed", "signedName"]).map((message) => (
              <Alert key={message} tone="error">
                {message}
              </Alert>
            ))}
          </div>
          <div className="flex flex-wrap gap-3">
            <SubmitButton pendingLabel={t("signing")} className="min-h-12 text-base">
              {t("sign")}
            </SubmitButton>
            <Button
              variant="secondary"
              className="min-h-12 text-base"
              onClick={() => setIsDeclined(true)}
            >
              {t("decline")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
