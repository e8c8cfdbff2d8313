"use client";

import { type FormEvent, startTransition, useActionState, useState } from "react";

import { ActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import type { CalendarSubjectName } from "@/generated/prisma/enums";
import { IDLE } from "@/lib/action-state";
import {
  buildReminderOffsetOptions,
  describeReminderOffset,
  REMINDER_OFFSETS_MAX_COUNT,
} from "@/lib/organizations/reminder-offsets";

import { CalendarNamingFieldset } from "./calendar-naming-fieldset";
import { updateReminderSettingsAction } from "./reminder-actions";

type ReminderSettingsFormProps = {
  reminderOffsetsMinutes: number[];
  calendarSubjectName: CalendarSubjectName;
};

const CHECKBOX =
  "size-4 shrink-0 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700";

export function ReminderSettingsForm({
  reminderOffsetsMinutes,
  calendarSubjectName,
}: ReminderSettingsFormProps) {
  const [state, formAction, isPending] = useActionState(updateReminderSettingsAction, IDLE);
  const [options] = useState(() => buildReminderOffsetOptions(reminderOffsetsMinutes));
  const [chosen, setChosen] = useState(() => new Set(reminderOffsetsMinutes));
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const offsetErrors = fieldErrors?.reminderOffsetsMinutes;
  const toggle = (minutes: number, isChecked: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (isChecked) next.add(minutes);
      else next.delete(minutes);
      return next;
    });
  // Sent by hand rather than through the form's action: React resets a form after its action,
  // which would tick the boxes as the page first drew them while this state keeps the new choice.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  return (
    <form action={formAction} onSubmit={submit} className="flex max-w-lg flex-col gap-6">
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={`reminder-offsets-hint${offsetErrors ? " reminder-offsets-error" : ""}`}
      >
        <legend className="mb-1 font-semibold text-slate-900">
          Remind patients by email before each visit
        </legend>
        <div className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-3">
          {options.map((minutes) => (
            <label key={minutes} className="flex min-h-11 items-center gap-2 text-slate-900">
              <input
                type="checkbox"
                name="reminderOffsetsMinutes"
                value={minutes}
                checked={chosen.has(minutes)}
                onChange={(event) => toggle(minutes, event.target.checked)}
                className={CHECKBOX}
              />
              {describeReminderOffset(minutes)} before
            </label>
          ))}
        </div>
        <p id="reminder-offsets-hint" className="text-sm text-slate-600">
          Choose up to {REMINDER_OFFSETS_MAX_COUNT}, or none to turn reminders off. A change applies
          to visits scheduled or moved after it; visits already booked keep their reminders.
        </p>
        <p aria-live="polite" className="text-sm font-semibold text-slate-900">
          {chosen.size === 0 ? "Reminders are off: patients get no reminders." : null}
        </p>
        {offsetErrors ? (
          <p id="reminder-offsets-error" className="text-sm text-red-700">
            {offsetErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <CalendarNamingFieldset
        defaultValue={calendarSubjectName}
        errors={fieldErrors?.calendarSubjectName}
      />
      <ActionStatus state={state} />
      <Button type="submit" disabled={isPending} aria-disabled={isPending} className="self-start">
        {isPending ? "Saving…" : "Save reminder settings"}
      </Button>
    </form>
  );
}
