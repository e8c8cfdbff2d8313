"use client";

import { useState } from "react";

import { FieldErrors } from "@/components/ui/field-parts";
import { CalendarSubjectName } from "@/generated/prisma/enums";

type CalendarNamingFieldsetProps = { defaultValue: CalendarSubjectName; errors?: string[] };

const OPTIONS: { value: CalendarSubjectName; label: string; example: string }[] = [
  { value: CalendarSubjectName.NONE, label: "No name", example: "“Video visit”" },
  { value: CalendarSubjectName.INITIALS, label: "Initials", example: "“Video visit with M. L.”" },
  {
    value: CalendarSubjectName.FULL_NAME,
    label: "Full name",
    example: "“Video visit with Maria Lopez”",
  },
];

/** How the provider's calendar entry for a visit names the patient (a controlled radio group). */
export function CalendarNamingFieldset({ defaultValue, errors }: CalendarNamingFieldsetProps) {
  const [value, setValue] = useState(defaultValue);
  const errorId = errors?.length ? "calendar-naming-error" : undefined;
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={["calendar-naming-hint", errorId].filter(Boolean).join(" ")}
    >
      <legend className="mb-1 font-semibold text-slate-900">
        The provider&apos;s calendar entry names the patient
      </legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className="flex min-h-11 items-center gap-2 text-slate-900">
          <input
            type="radio"
            name="calendarSubjectName"
            value={option.value}
            checked={value === option.value}
            onChange={() => setValue(option.value)}
            className="size-4 shrink-0 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
          />
          <span>
            {option.label} <span className="text-slate-600">{option.example}</span>
          </span>
        </label>
      ))}
      <p id="calendar-naming-hint" className="text-sm text-slate-600">
        In the invitation&apos;s calendar file sent to the provider. The patient&apos;s copy never
        names anyone but the provider.
      </p>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
