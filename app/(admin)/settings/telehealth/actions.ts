"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom, formText } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { fieldErrorsOf, isAppError } from "@/lib/errors";
import {
  TELEHEALTH_SETTINGS_INVALID,
  telehealthSettingsInputSchema,
} from "@/lib/telehealth/schemas";
import { updateTelehealthSettings } from "@/lib/telehealth/update-telehealth-settings";

const ECHOED_FIELDS = ["joinMode", "apiKey", "includeIdentity", "notifierUsername"] as const;

export async function saveTelehealthSettingsAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  // Put back what was typed, except the secret and the password, which are never sent to a browser.
  const values = Object.fromEntries(ECHOED_FIELDS.map((name) => [name, formText(formData, name)]));
  const parsed = telehealthSettingsInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { status: "error", message: TELEHEALTH_SETTINGS_INVALID, fieldErrors, values };
  }
  try {
    await updateTelehealthSettings({ ...parsed.data, viewer });
  } catch (error) {
    if (!isAppError(error, "bad_request")) return actionErrorFrom(error);
    return {
      status: "error",
      message: error.publicMessage,
      fieldErrors: error.extra.fields,
      values,
    };
  }
  revalidatePath("/settings/telehealth");
  return { status: "success", message: "Telehealth settings saved." };
}
