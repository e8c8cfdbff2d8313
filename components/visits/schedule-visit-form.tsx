"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, IDLE } from "@/lib/action-state";
import { VISIT_DURATIONS } from "@/lib/visits/constants";

export type ProviderOption = { id: string; name: string };

type ScheduleVisitFormProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  subjectId: string;
  providers: ProviderOption[];
  defaultProviderId: string | null;
  defaultDate: string;
  timeZone: string;
};

const selectClasses =
  "min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 focus-visible:border-blue-700 focus-visible:outline-2 focus-visible:outline-blue-700";

/** Schedules a video visit for later, in the clinic's time zone. */
export function ScheduleVisitForm({
  action,
  subjectId,
  providers,
  defaultProviderId,
  defaultDate,
  timeZone,
}: ScheduleVisitFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form
      action={formAction}
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5"
      aria-describedby="schedule-time-zone"
    >
      <input type="hidden" name="subjectId" value={subjectId} />
      <Field
        label="Date"
        name="date"
        type="date"
        required
        defaultValue={defaultDate}
        errors={errors?.date}
      />
      <Field label="Time" name="time" type="time" required step={300} errors={errors?.time} />
      <div className="flex flex-col gap-1">
        <label htmlFor="schedule-duration" className="text-sm font-medium">
          Duration
        </label>
        <select
          id="schedule-duration"
          name="durationMinutes"
          defaultValue={30}
          className={selectClasses}
        >
          {VISIT_DURATIONS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes} minutes
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="schedule-provider" className="text-sm font-medium">
          Provider
        </label>
        <select
          id="schedule-provider"
          name="providerId"
          defaultValue={defaultProviderId ?? providers[0]?.id}
          aria-invalid={errors?.providerId ? true : undefined}
          aria-describedby={errors?.providerId ? "schedule-provider-error" : undefined}
          className={selectClasses}
        >
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name}
            </option>
          ))}
        </select>
        {errors?.providerId ? (
          <p id="schedule-provider-error" className="text-sm text-red-700">
            {errors.providerId.join(" ")}
          </p>
        ) : null}
      </div>
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
        {state.status === "error" && state.message && !errors ? (
          <Alert tone="error">{state.message}</Alert>
        ) : null}
        {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
      </div>
    </form>
  );
}
