// The label, the hint and the error line that every form field shares (Field, SelectField), so that every
// field is labelled and its errors linked the same way.

export function FieldLabel({ htmlFor, children }: { htmlFor: string; children: string }) {
  return (
    <label htmlFor={htmlFor} className="text-sm font-medium text-slate-900">
      {children}
    </label>
  );
}

/** The field's errors, under the id its control names in aria-describedby; nothing without any. */
export function FieldErrors({ id, errors }: { id: string | undefined; errors?: string[] }) {
  if (!id) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {errors?.join(" ")}
    </p>
  );
}

/** The field's hint, under the id its control names in aria-describedby; nothing without one. */
export function FieldHint({ id, hint }: { id: string | undefined; hint?: string }) {
  if (!hint) return null;
  return (
    <p id={id} className="text-sm text-slate-600">
      {hint}
    </p>
  );
}
