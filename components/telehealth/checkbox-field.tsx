import type { ReactNode } from "react";

import { cn } from "@/lib/utils";

type CheckboxFieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  defaultChecked: boolean;
  errors?: string[];
  className?: string;
};

/** A labelled checkbox with its hint and errors linked by aria-describedby. */
export function CheckboxField({
  name,
  label,
  hint,
  defaultChecked,
  errors,
  className,
}: CheckboxFieldProps) {
  const inputId = `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex items-start gap-2">
        <input
          id={inputId}
          name={name}
          type="checkbox"
          defaultChecked={defaultChecked}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          className="mt-1 size-4 shrink-0 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        />
        <label htmlFor={inputId} className="font-medium text-slate-900">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={hintId} className="pl-6 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="pl-6 text-sm text-red-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
