import { Field } from "@/components/ui/field";
import { NOTIFIER_PASSWORD_MIN } from "@/lib/telehealth/constants";

import { CheckboxField } from "./checkbox-field";

type NotifierCredentialsFieldsetProps = {
  notificationUrl: string;
  username: string;
  hasStoredCredentials: boolean;
  errors?: Record<string, string[]>;
};

/** The Basic credentials Zoom must send with join/leave notifications to CareVisit. */
export function NotifierCredentialsFieldset({
  notificationUrl,
  username,
  hasStoredCredentials,
  errors,
}: NotifierCredentialsFieldsetProps) {
  return (
    <fieldset
      className="flex flex-col gap-4 rounded-md border border-slate-200 p-4"
      aria-describedby="notifier-description"
    >
      <legend className="px-1 font-semibold text-slate-900">
        Notification endpoint credentials
      </legend>
      <div id="notifier-description" className="flex flex-col gap-1 text-sm text-slate-700">
        <p>Give Zoom this address for join and leave notifications:</p>
        <p>
          <code className="rounded bg-slate-100 px-1 break-all">{notificationUrl}</code>
        </p>
        <p>
          CareVisit accepts only notifications that carry these credentials (HTTP Basic
          authentication). Enter the same username and password in Zoom.
        </p>
        {hasStoredCredentials ? null : (
          <p className="font-medium text-amber-950">
            The notification endpoint is off until you set a username and password: CareVisit
            refuses every join and leave notification, so the waiting room does not show who joined
            through a telehealth link.
          </p>
        )}
      </div>
      <Field
        label="Notification username"
        name="notifierUsername"
        defaultValue={username}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        errors={errors?.notifierUsername}
      />
      <Field
        label="Notification password"
        name="notifierPassword"
        type="password"
        autoComplete="new-password"
        hint={
          hasStoredCredentials
            ? "A password is stored. Leave empty to keep the stored password."
            : `At least ${NOTIFIER_PASSWORD_MIN} characters. Stored only as a hash.`
        }
        errors={errors?.notifierPassword}
      />
      {hasStoredCredentials ? (
        <CheckboxField
          name="removeNotifierCredentials"
          label="Remove the credentials"
          hint="CareVisit forgets the username and password when you save, and refuses notifications until new ones are set."
          defaultChecked={false}
          errors={errors?.removeNotifierCredentials}
        />
      ) : null}
    </fieldset>
  );
}
