import Link from "next/link";

import { buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";

export type BoardFiltersProps = {
  date: string;
  today: string;
  previousDay: string;
  nextDay: string;
  who: string;
  providers: { id: string; name: string }[];
};

const dayHref = (date: string, who: string) => `/today?date=${date}&who=${who}`;

/** Whose visits and which day: a plain GET form, so the state lives in the URL. */
export function BoardFilters({
  date,
  today,
  previousDay,
  nextDay,
  who,
  providers,
}: BoardFiltersProps) {
  return (
    <div className="mb-6 flex flex-wrap items-end gap-4">
      <form method="get" action="/today" className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="board-date" className="text-sm font-medium text-slate-900">
            Date
          </label>
          <input
            id="board-date"
            type="date"
            name="date"
            defaultValue={date}
            className="min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2"
          />
        </div>
        <SelectField id="board-who" name="who" label="Visits of" defaultValue={who}>
          <option value="mine">Mine</option>
          <option value="clinic">Whole clinic</option>
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClasses("secondary")}>
          Show visits
        </button>
      </form>
      <nav aria-label="Days" className="flex gap-2">
        <Link href={dayHref(previousDay, who)} className={buttonClasses("secondary")}>
          Previous day
        </Link>
        {date !== today ? (
          <Link href={dayHref(today, who)} className={buttonClasses("secondary")}>
            Today
          </Link>
        ) : null}
        <Link href={dayHref(nextDay, who)} className={buttonClasses("secondary")}>
          Next day
        </Link>
      </nav>
    </div>
  );
}
