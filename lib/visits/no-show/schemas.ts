import { z } from "zod";

import { controlCharacterMessage, hasNoControlCharacters } from "@/lib/plain-text";

/** "Undo no-show": which visit, and why the no-show was wrong (kept in the audit trail). */
export const undoNoShowInputSchema = z.object({
  visitId: z.uuid({ message: "This visit cannot be found." }),
  reason: z
    .string()
    .trim()
    .min(3, "Say why this visit was not a no-show.")
    .max(500, "Use at most 500 characters.")
    .refine(hasNoControlCharacters, controlCharacterMessage("The reason")),
});
export type UndoNoShowInput = z.infer<typeof undoNoShowInputSchema>;
