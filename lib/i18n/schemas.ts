import { z } from "zod";

import { LOCALES } from "./constants";

/** The language switch's form: one of our locales, anything else refused. */
export const localeChoiceSchema = z.object({ locale: z.enum(LOCALES) });
export type LocaleChoice = z.infer<typeof localeChoiceSchema>;
