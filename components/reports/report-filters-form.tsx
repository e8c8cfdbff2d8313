import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { ReportProviderOption } from "@/lib/reports/types";

type ReportFiltersFormProps = {
  from: string;
  to: string;
  providerId: string;
  providers: ReportProviderOption[];
  fieldErrors?: Record<string, string[]>;
};

/** The report's range and provider. A plain GET form: the choice lives in the URL. */
export function ReportFiltersForm({
  from,
  to,
  providerId,
  providers,
  fieldErrors = {},
}: ReportFiltersFormProps) {
  return (
    <form method="get" action="/reports" className="mb-8 flex flex-wrap items-end gap-4">
      <Field label="From" name="from" type="date" defaultValue={from} errors={fieldErrors.from} />
      <Field label="To" name="to" type="date" defaultValue={to} errors={fieldErrors.to} />
      <SelectField
        id="report-provider"
        name="providerId"
        label="Provider"
        defaultValue={providerId}
        errors={fieldErrors.providerId}
      >
        <option value="">All providers</option>
        {providers.map((provider) => (
          <option key={provider.id} value={provider.id}>
            {provider.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className={buttonClasses("primary")}>
        Show report
      </button>
    </form>
  );
}
