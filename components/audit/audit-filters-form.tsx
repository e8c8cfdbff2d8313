import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export type AuditFilterValues = {
  user: string;
  subject: string;
  action: string;
  from: string;
  to: string;
};

type AuditFiltersFormProps = {
  values: AuditFilterValues;
  /** Each action's code (in the URL) and its words (shown). */
  actions: readonly { value: string; label: string }[];
  fieldErrors?: Record<string, string[]>;
};

const selectClasses =
  "min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 focus-visible:border-blue-700 focus-visible:outline-2 focus-visible:outline-blue-700";

/** Filters for the audit trail, kept in the URL (a plain GET form). */
export function AuditFiltersForm({ values, actions, fieldErrors = {} }: AuditFiltersFormProps) {
  const actionError = fieldErrors.action?.join(" ");
  return (
    <form method="get" action="/audit" className="mb-6 flex flex-wrap items-end gap-4">
      <Field
        label="User email"
        name="user"
        type="email"
        defaultValue={values.user}
        errors={fieldErrors.user}
      />
      <Field
        label="Subject record number"
        name="subject"
        defaultValue={values.subject}
        errors={fieldErrors.subject}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-action" className="text-sm font-medium text-slate-900">
          Action
        </label>
        <select
          id="audit-action"
          name="action"
          defaultValue={values.action}
          aria-invalid={actionError ? true : undefined}
          aria-describedby={actionError ? "audit-action-error" : undefined}
          className={selectClasses}
        >
          <option value="">Any action</option>
          {actions.map((action) => (
            <option key={action.value} value={action.value}>
              {action.label}
            </option>
          ))}
        </select>
        {actionError ? (
          <p id="audit-action-error" className="text-sm text-red-700">
            {actionError}
          </p>
        ) : null}
      </div>
      <Field
        label="From"
        name="from"
        type="date"
        defaultValue={values.from}
        errors={fieldErrors.from}
      />
      <Field label="To" name="to" type="date" defaultValue={values.to} errors={fieldErrors.to} />
      <button type="submit" className={buttonClasses("primary")}>
        Filter
      </button>
    </form>
  );
}
