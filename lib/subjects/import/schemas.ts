import { z } from "zod";

import { IMPORT_FIELDS, importMappingSchema } from "@/lib/subjects/import/import-fields";

export const subjectImportParamsSchema = z.object({ importId: z.uuid() });

/** The fields' selects of a posted form ("" is not mapped) gathered into one mapping. */
function gatherMapping(form: unknown) {
  const values = (form ?? {}) as Record<string, unknown>;
  const mapping = Object.fromEntries(
    IMPORT_FIELDS.flatMap((field) => {
      const value = values[field];
      return typeof value === "string" && value !== "" ? [[field, value]] : [];
    }),
  );
  return { ...values, mapping };
}

/** The mapping form: one select per field, and which button was pressed. */
export const importMappingFormSchema = z.preprocess(
  gatherMapping,
  z.object({
    importId: z.uuid(),
    intent: z.enum(["preview", "run"]),
    mapping: importMappingSchema,
  }),
);
