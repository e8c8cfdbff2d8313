import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";

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

/** Filters for the audit trail, kept in the URL (a plain GET form). */
export function AuditFiltersForm({ values, actions, fieldErrors = {} }: AuditFiltersFormProps) {
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
      <SelectField
        id="audit-action"
        name="action"
        label="Action"
        defaultValue={values.action}
        errors={fieldErrors.action}
      >
        <option value="">Any action</option>
        {actions.map((action) => (
          <option key={action.value} value={action.value}>
            {action.label}
          </option>
        ))}
      </SelectField>
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
