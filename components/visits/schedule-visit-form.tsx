"use client";

import { useActionState, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { VisitTimeFields } from "@/components/visits/visit-time-fields";
import { type ActionState, generalErrorsOf, IDLE } from "@/lib/action-state";
import type { DateRange } from "@/lib/visits/types";

export type ProviderOption = { id: string; name: string };

type ScheduleVisitFormProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  subjectId: string;
  providers: ProviderOption[];
  defaultProviderId: string | null;
  /** The dates that may be chosen, in the clinic's zone (today first, the default). */
  dates: DateRange;
  timeZone: string;
  /** Changes whenever the page's visits do: a conflict said before then may no longer hold. */
  revision: string;
};

/** The fields that show their own errors; the others' (the hidden subjectId) go in the alert. */
const SHOWN_FIELDS = ["date", "time", "durationMinutes", "providerId"];

/**
 * The form's state as it should show now: its messages only while the visits are those it was
 * answered about (a visit moved or cancelled since may have removed the conflict); what was typed
 * stays either way.
 */
function useCurrentState(state: ActionState, revision: string): ActionState {
  const [answered, setAnswered] = useState({ state, revision });
  if (answered.state !== state) {
    setAnswered({ state, revision });
    return state;
  }
  if (answered.revision === revision) return state;
  return state.status === "error" ? { status: "error", values: state.values } : IDLE;
}

/** Schedules a video visit for later, in the clinic's time zone; after an error, what was typed stays. */
export function ScheduleVisitForm({
  action,
  subjectId,
  providers,
  defaultProviderId,
  dates,
  timeZone,
  revision,
}: ScheduleVisitFormProps) {
  const [answer, formAction] = useActionState(action, IDLE);
  const state = useCurrentState(answer, revision);
  const typed = state.status === "error" ? state.values : undefined;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const generalErrors = generalErrorsOf(state, SHOWN_FIELDS);
  return (
    <form
      action={formAction}
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5"
      aria-describedby="schedule-time-zone"
    >
      <input type="hidden" name="subjectId" value={subjectId} />
      <VisitTimeFields
        ids={{ duration: "schedule-duration" }}
        dates={dates}
        defaults={{
          date: typed?.date ?? dates.min,
          time: typed?.time,
          durationMinutes: typed?.durationMinutes ?? "30",
        }}
        errors={errors}
      />
      <SelectField
        id="schedule-provider"
        name="providerId"
        label="Provider"
        defaultValue={typed?.providerId ?? defaultProviderId ?? providers[0]?.id ?? ""}
        errors={errors?.providerId}
      >
        {providers.map((provider) => (
          <option key={provider.id} value={provider.id}>
            {provider.name}
          </option>
        ))}
      </SelectField>
      <div className="flex items-end">
        <SubmitButton pendingLabel="Scheduling…" className="w-full">
          Schedule visit
        </SubmitButton>
      </div>
      <p id="schedule-time-zone" className="text-sm text-slate-600 sm:col-span-2 lg:col-span-5">
        Times are in the clinic&apos;s time zone, {timeZone}. The patient can join from 15 minutes
        before.
      </p>
      <div aria-live="polite" className="sm:col-span-2 lg:col-span-5">
        {generalErrors.length > 0 ? <Alert tone="error">{generalErrors.join(" ")}</Alert> : null}
        {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
      </div>
    </form>
  );
}
