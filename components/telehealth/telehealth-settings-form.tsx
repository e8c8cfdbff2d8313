"use client";

import { useActionState } from "react";

import { ActionStatus } from "@/components/ui/action-status";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { JoinMode } from "@/generated/prisma/enums";
import { type ActionState, IDLE } from "@/lib/action-state";
import { API_KEY_MAX } from "@/lib/telehealth/constants";
import type { TelehealthSettingsView } from "@/lib/telehealth/types";

import { CheckboxField } from "./checkbox-field";
import { JoinModeFieldset } from "./join-mode-fieldset";
import { NotifierCredentialsFieldset } from "./notifier-credentials-fieldset";

export type TelehealthSettingsFormValues = Omit<TelehealthSettingsView, "updatedAt">;

type TelehealthSettingsFormProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  settings: TelehealthSettingsFormValues;
  notificationUrl: string;
};

function asJoinMode(value: string | undefined, fallback: JoinMode): JoinMode {
  return value === JoinMode.TELEHEALTH_URL || value === JoinMode.ZOOM_URL ? value : fallback;
}

/** The telehealth settings. The secret and the password are write-only: never sent back here. */
export function TelehealthSettingsForm({
  action,
  settings,
  notificationUrl,
}: TelehealthSettingsFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  // After a refused save, the form shows what was typed (React resets forms to their defaults).
  const typed = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-6" noValidate>
      <JoinModeFieldset
        defaultValue={asJoinMode(typed?.joinMode, settings.joinMode)}
        errors={errors?.joinMode}
      />
      <div className="flex flex-col gap-4">
        <Field
          label="API key (org_id)"
          name="apiKey"
          defaultValue={typed?.apiKey ?? settings.apiKey ?? ""}
          autoComplete="off"
          spellCheck={false}
          maxLength={API_KEY_MAX}
          hint="Sent in every link as org_id; it tells Zoom which secret decrypts it."
          errors={errors?.apiKey}
        />
        <Field
          label="API secret"
          name="apiSecret"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          hint={
            settings.hasApiSecret
              ? "A secret is stored. Leave empty to keep the stored secret."
              : "Encrypts the links. Stored encrypted; CareVisit never shows it again."
          }
          errors={errors?.apiSecret}
        />
        <CheckboxField
          name="includeIdentity"
          label="Include patients' and providers' names and email in the link"
          hint="Zoom uses them only to display who is in the meeting and to find a matching Zoom account. Links pass through browsers, their histories and logs: leaving this off is more private."
          defaultChecked={typed ? typed.includeIdentity === "on" : settings.includeIdentity}
          errors={errors?.includeIdentity}
        />
      </div>
      <NotifierCredentialsFieldset
        notificationUrl={notificationUrl}
        username={typed?.notifierUsername ?? settings.notifierUsername ?? ""}
        hasStoredCredentials={settings.hasNotifierPassword}
        errors={errors}
      />
      <ActionStatus state={state} />
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save telehealth settings
      </SubmitButton>
    </form>
  );
}
