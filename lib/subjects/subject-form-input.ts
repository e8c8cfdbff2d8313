import "server-only";

import { type ActionState, formText } from "@/lib/action-state";
import { db } from "@/lib/db/db";
import { fieldErrorsOf } from "@/lib/errors";
import { parseDateOfBirth } from "@/lib/subjects/date-of-birth";
import {
  buildSubjectFormSchema,
  SUBJECT_FIELD_NAMES,
  type SubjectForm,
} from "@/lib/subjects/schemas";

const FORM_FIELDS = [...SUBJECT_FIELD_NAMES, "assignNextNumber"] as const;

/** How the clinic writes numeric dates (Settings), for reading a typed date of birth. */
export async function findDateOrder(organizationId: string) {
  const { dateOrder } = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { dateOrder: true },
  });
  return dateOrder;
}

export type ParsedSubjectForm =
  | { ok: true; form: SubjectForm; values: Record<string, string> }
  | { ok: false; state: ActionState };

/**
 * The Add/Edit subject form as posted: the date of birth is read as people type it, in the
 * clinic's date order; on any error the typed values go back to the form.
 */
export async function parseSubjectForm(
  formData: FormData,
  organizationId: string,
): Promise<ParsedSubjectForm> {
  const values = Object.fromEntries(FORM_FIELDS.map((name) => [name, formText(formData, name)]));
  const dateOrder = await findDateOrder(organizationId);
  const typedDate = values.dateOfBirth ?? "";
  const dateOfBirth = parseDateOfBirth(typedDate, dateOrder) ?? typedDate;
  const parsed = buildSubjectFormSchema().safeParse({
    ...values,
    dateOfBirth,
    addAnyway: formText(formData, "addAnyway"),
  });
  if (!parsed.success)
    return {
      ok: false,
      state: { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values },
    };
  return { ok: true, form: parsed.data, values };
}
