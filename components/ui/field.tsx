import type { InputHTMLAttributes } from "react";

import { FieldErrors, FieldHint, FieldLabel } from "@/components/ui/field-parts";
import { cn } from "@/lib/utils";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
};

/** A labelled input with its hint and errors linked by aria-describedby. */
export function Field({ label, name, hint, errors, className, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <FieldLabel htmlFor={inputId}>{label}</FieldLabel>
      <input
        id={inputId}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={cn(
          "min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900",
          "focus-visible:border-blue-700 focus-visible:outline-2 focus-visible:outline-blue-700",
          errorId && "border-red-700",
        )}
        {...input}
      />
      <FieldHint id={hintId} hint={hint} />
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
