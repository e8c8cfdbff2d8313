import { z } from "zod";

import { IMPORT_FIELDS, importMappingSchema } from "@/lib/subjects/import/import-fields";

export const subjectImportParamsSchema = z.object({ importId: z.uuid() });

/** The mapping form: one select per field ("" is not mapped), and which button was pressed. */
export const importMappingFormSchema = z.object({
  importId: z.uuid(),
  intent: z.enum(["preview", "run"]),
  mapping: z.preprocess(
    (form) =>
      Object.fromEntries(
        IMPORT_FIELDS.flatMap((field) => {
          const value = (form as Record<string, unknown>)[field];
          return typeof value === "string" && value !== "" ? [[field, value]] : [];
        }),
      ),
    importMappingSchema,
  ),
});
