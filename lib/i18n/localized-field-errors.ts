import "server-only";

import { getTranslations } from "next-intl/server";
import type { ZodError } from "zod";

import en from "@/messages/en.json";

// The patient-facing forms' field errors in the request's language. The shared zod schemas keep
// their English messages (the staff side uses them); these forms show the catalog's message for
// the field and the kind of problem instead: FieldErrors.<form>.<field>.<tooSmall|tooBig|invalid>.

export type FieldErrorForm = Exclude<keyof typeof en.FieldErrors, "generic">;

type IssueKind = "tooSmall" | "tooBig" | "invalid";

function kindOf(code: string): IssueKind {
  // A field left out, or sent as a file, is one still to fill in, as an empty one is.
  if (code === "too_small" || code === "invalid_type") return "tooSmall";
  if (code === "too_big") return "tooBig";
  return "invalid";
}

type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];
type FieldErrorKey = Paths<typeof en.FieldErrors>;

/** Whether the catalogs have this message (the English one is the reference; the test keeps es equal). */
function isFieldErrorKey(key: string): key is FieldErrorKey {
  let node: unknown = en.FieldErrors;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

export async function localizedFieldErrors(
  error: ZodError,
  form: FieldErrorForm,
): Promise<Record<string, string[]>> {
  const t = await getTranslations("FieldErrors");
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".");
    const values = {
      minimum: "minimum" in issue ? Number(issue.minimum) : 0,
      maximum: "maximum" in issue ? Number(issue.maximum) : 0,
    };
    const key = [kindOf(issue.code), "invalid"]
      .map((kind) => `${form}.${field}.${kind}`)
      .find(isFieldErrorKey);
    const message = key ? t(key, values) : t("generic");
    const list = (fields[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return fields;
}
