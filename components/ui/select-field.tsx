import type { ReactNode } from "react";

import { FieldErrors, FieldHint, FieldLabel } from "@/components/ui/field-parts";

type SelectFieldProps = {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  /** A line under the select that says what the choice changes. */
  hint?: string;
  errors?: string[];
  children: ReactNode;
};

/** A labelled select with its errors linked by aria-describedby. */
export function SelectField({
  id,
  name,
  label,
  defaultValue,
  hint,
  errors,
  children,
}: SelectFieldProps) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-10 w-full max-w-xs rounded-md border border-slate-400 bg-white px-3 py-2 focus-visible:border-blue-700 focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        {children}
      </select>
      <FieldHint id={hintId} hint={hint} />
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
