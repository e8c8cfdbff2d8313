import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { VISIT_DURATIONS } from "@/lib/visits/constants";
import type { DateRange } from "@/lib/visits/types";

type VisitTimeFieldsProps = {
  /** The ids of the fields; needed where a page has several of these forms (one per visit). */
  ids: { date?: string; time?: string; duration: string };
  labels?: { date: string; time: string };
  /** The dates that may be chosen, in the clinic's zone. */
  dates: DateRange;
  defaults: { date: string; time?: string; durationMinutes: string };
  errors?: Record<string, string[]>;
};

/**
 * When a visit is: its date (within `dates`), its time (on 5-minute steps) and its length, from
 * the durations a visit may have. The schedule and reschedule forms' fields.
 */
export function VisitTimeFields({
  ids,
  labels = { date: "Date", time: "Time" },
  dates,
  defaults,
  errors,
}: VisitTimeFieldsProps) {
  return (
    <>
      <Field
        label={labels.date}
        name="date"
        type="date"
        id={ids.date}
        defaultValue={defaults.date}
        min={dates.min}
        max={dates.max}
        required
        errors={errors?.date}
      />
      <Field
        label={labels.time}
        name="time"
        type="time"
        id={ids.time}
        defaultValue={defaults.time}
        step={300}
        required
        errors={errors?.time}
      />
      <SelectField
        id={ids.duration}
        name="durationMinutes"
        label="Duration"
        defaultValue={defaults.durationMinutes}
        errors={errors?.durationMinutes}
      >
        {VISIT_DURATIONS.map((minutes) => (
          <option key={minutes} value={minutes}>
            {minutes} minutes
          </option>
        ))}
      </SelectField>
    </>
  );
}
