"use client";

import { useActionState, useSyncExternalStore } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/action-state";
import type { TimeZoneOption } from "@/lib/organizations/time-zone-options";

import { updateOrganizationAction } from "./actions";

type OrganizationFormProps = {
  name: string;
  timeZone: string;
  timeZones: { suggested: TimeZoneOption[]; others: TimeZoneOption[] };
};

const noSubscription = () => () => undefined;
/** This browser's zone (none while rendering on the server). */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function OrganizationForm({ name, timeZone, timeZones }: OrganizationFormProps) {
  const [state, formAction] = useActionState(updateOrganizationAction, IDLE);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const here = useSyncExternalStore(noSubscription, browserZone, () => "");
  const hereOption = timeZones.others.find((option) => option.id === here);
  const suggested = hereOption ? [...timeZones.suggested, hereOption] : timeZones.suggested;
  const others = timeZones.others.filter((option) => option.id !== hereOption?.id);
  return (
    <form action={formAction} className="flex max-w-lg flex-col gap-4">
      <Field
        label="Clinic name"
        name="name"
        defaultValue={name}
        required
        errors={fieldErrors?.name}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="time-zone" className="text-sm font-medium">
          Time zone
        </label>
        <select
          id="time-zone"
          name="timeZone"
          defaultValue={timeZone}
          aria-describedby="time-zone-hint"
          className="min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-700"
        >
          <optgroup label="Suggested">
            {suggested.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zone.id === here ? `${zone.label} · this computer` : zone.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="All time zones">
            {others.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zone.label}
              </option>
            ))}
          </optgroup>
        </select>
        <p id="time-zone-hint" className="text-sm text-slate-600">
          Visits are scheduled and shown in this time zone.
        </p>
        {fieldErrors?.timeZone ? (
          <p className="text-sm text-red-700">{fieldErrors.timeZone.join(" ")}</p>
        ) : null}
      </div>
      <div aria-live="polite">
        {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
      </div>
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save settings
      </SubmitButton>
    </form>
  );
}
