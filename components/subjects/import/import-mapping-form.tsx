"use client";

import { useActionState } from "react";

import { ImportPreviewTable } from "@/components/subjects/import/import-preview-table";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/select-field";
import { Button } from "@/components/ui/button";
import { type ActionState, IDLE } from "@/lib/action-state";

type ImportMappingFormProps = {
  importId: string;
  /** Our fields, in form order. */
  fields: { name: string; label: string }[];
  header: string[];
  mapping: Record<string, number | undefined>;
  mappingError: string | null;
  preview: { cells: string[]; errors: string[] }[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** One select per field (our fields, the file's columns), the preview, then Update preview / Run import. */
export function ImportMappingForm(props: ImportMappingFormProps) {
  const [state, formAction, isPending] = useActionState(props.action, IDLE);
  const error = state.status === "error" ? state.message : props.mappingError;
  return (
    <form action={formAction} className="flex flex-col gap-6">
      <input type="hidden" name="importId" value={props.importId} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">Map the file’s columns to our fields</legend>
        {props.fields.map((field) => (
          <SelectField
            key={field.name}
            id={`map-${field.name}`}
            name={field.name}
            label={field.label}
            defaultValue={String(props.mapping[field.name] ?? "")}
          >
            <option value="">Not in the file</option>
            {props.header.map((name, index) => (
              <option key={index} value={index}>
                {name || `Column ${index + 1}`}
              </option>
            ))}
          </SelectField>
        ))}
      </fieldset>
      <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : null}</div>
      <ImportPreviewTable header={props.header} preview={props.preview} />
      <div className="flex flex-wrap gap-3">
        <Button
          type="submit"
          variant="secondary"
          name="intent"
          value="preview"
          disabled={isPending}
        >
          Update preview
        </Button>
        <Button type="submit" name="intent" value="run" disabled={isPending}>
          {isPending ? "Working…" : "Run import"}
        </Button>
      </div>
    </form>
  );
}
