import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ReportProviderOption } from "@/lib/reports/types";

type ReportFiltersFormProps = {
  from: string;
  to: string;
  providerId: string;
  providers: ReportProviderOption[];
  fieldErrors?: Record<string, string[]>;
};

const selectClasses =
  "w-full max-w-xs min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 focus-visible:border-blue-700 focus-visible:outline-2 focus-visible:outline-blue-700";

/** The report's range and provider. A plain GET form: the choice lives in the URL. */
export function ReportFiltersForm({
  from,
  to,
  providerId,
  providers,
  fieldErrors = {},
}: ReportFiltersFormProps) {
  const providerError = fieldErrors.providerId?.join(" ");
  return (
    <form method="get" action="/reports" className="mb-8 flex flex-wrap items-end gap-4">
      <Field label="From" name="from" type="date" defaultValue={from} errors={fieldErrors.from} />
      <Field label="To" name="to" type="date" defaultValue={to} errors={fieldErrors.to} />
      <div className="flex flex-col gap-1">
        <label htmlFor="report-provider" className="text-sm font-medium text-slate-900">
          Provider
        </label>
        <select
          id="report-provider"
          name="providerId"
          defaultValue={providerId}
          aria-invalid={providerError ? true : undefined}
          aria-describedby={providerError ? "report-provider-error" : undefined}
          className={selectClasses}
        >
          <option value="">All providers</option>
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name}
            </option>
          ))}
        </select>
        {providerError ? (
          <p id="report-provider-error" className="text-sm text-red-700">
            {providerError}
          </p>
        ) : null}
      </div>
      <button type="submit" className={buttonClasses("primary")}>
        Show report
      </button>
    </form>
  );
}
