"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom, formText, withValues } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { CONSENT_TEXT_MAX } from "@/lib/consent/constants";
import { saveConsentText } from "@/lib/consent/save-consent-text";
import { clinicPhoneInputSchema, consentTextInputSchema } from "@/lib/consent/schemas";
import { updateClinicPhone } from "@/lib/consent/update-clinic-phone";
import { fieldErrorsOf } from "@/lib/errors";

export async function saveConsentTextAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const values = { body: formText(formData, "body", CONSENT_TEXT_MAX + 1) };
  const parsed = consentTextInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    const saved = await saveConsentText({ ...parsed.data, viewer });
    revalidatePath("/settings/consent");
    return {
      status: "success",
      message: `Saved as version ${saved.version}. Patients sign it before their next video visit.`,
    };
  } catch (error) {
    return withValues(actionErrorFrom(error), values);
  }
}

export async function saveClinicPhoneAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = clinicPhoneInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return {
      status: "error",
      fieldErrors: fieldErrorsOf(parsed.error),
      values: { phone: formText(formData, "phone") },
    };
  try {
    await updateClinicPhone({ ...parsed.data, viewer });
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath("/settings/consent");
  return {
    status: "success",
    message: parsed.data.phone ? "Phone number saved." : "Phone number removed.",
  };
}
