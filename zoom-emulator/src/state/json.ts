import { z } from "zod";

// Free-form JSON the emulator stores as given (meeting settings, recurrence, compliance bodies).
export const jsonValueSchema = z.json();
export type JsonValue = z.infer<typeof jsonValueSchema>;
