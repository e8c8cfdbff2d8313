import { FieldErrors } from "@/components/ui/field-parts";
import { JoinMode } from "@/generated/prisma/enums";

type JoinModeFieldsetProps = { defaultValue: JoinMode; errors?: string[] };

const OPTIONS: { value: JoinMode; label: string; description: string }[] = [
  {
    value: JoinMode.ZOOM_URL,
    label: "Zoom's own meeting links",
    description: "Everyone joins with the link Zoom made for the meeting. Nothing else to set up.",
  },
  {
    value: JoinMode.TELEHEALTH_URL,
    label: "Encrypted telehealth links (EMR integration)",
    description:
      "Each person gets a link of their own, encrypted with your API secret. Needs the API key and secret below.",
  },
];

/** The choice between Zoom's links and encrypted telehealth links. */
export function JoinModeFieldset({ defaultValue, errors }: JoinModeFieldsetProps) {
  const errorId = errors?.length ? "field-joinMode-error" : undefined;
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={errorId}>
      <legend className="mb-1 font-semibold text-slate-900">Join links</legend>
      {OPTIONS.map((option) => {
        const id = `join-mode-${option.value}`;
        return (
          <div key={option.value} className="flex items-start gap-2">
            <input
              id={id}
              type="radio"
              name="joinMode"
              value={option.value}
              defaultChecked={defaultValue === option.value}
              aria-describedby={`${id}-description`}
              className="mt-1 size-4 shrink-0 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
            />
            <div>
              <label htmlFor={id} className="font-medium text-slate-900">
                {option.label}
              </label>
              <p id={`${id}-description`} className="text-sm text-slate-600">
                {option.description}
              </p>
            </div>
          </div>
        );
      })}
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
