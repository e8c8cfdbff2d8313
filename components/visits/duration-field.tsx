import { SelectField } from "@/components/ui/select-field";
import { VISIT_DURATIONS } from "@/lib/visits/constants";

/** The visit length, from the durations a visit may have (schedule and reschedule forms). */
export function DurationField({
  id,
  defaultValue,
  errors,
}: {
  id: string;
  defaultValue: string;
  errors?: string[];
}) {
  return (
    <SelectField
      id={id}
      name="durationMinutes"
      label="Duration"
      defaultValue={defaultValue}
      errors={errors}
    >
      {VISIT_DURATIONS.map((minutes) => (
        <option key={minutes} value={minutes}>
          {minutes} minutes
        </option>
      ))}
    </SelectField>
  );
}
