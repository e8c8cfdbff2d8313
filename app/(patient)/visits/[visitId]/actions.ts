"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, formText, invalidFieldsState, withValues } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { acceptTelehealthConsent } from "@/lib/consent/accept-consent";
import { acceptConsentInputSchema } from "@/lib/consent/schemas";
import { isAppError } from "@/lib/errors";
import { localizedFieldErrors } from "@/lib/i18n/localized-field-errors";
import { recordDeviceCheck } from "@/lib/visits/device-check/record-device-check";
import { recordDeviceCheckInputSchema } from "@/lib/visits/device-check/schemas";
import type { DeviceCheckSaveResult } from "@/lib/visits/device-check/types";

import { consentErrorState, deviceCheckErrorMessage } from "./patient-messages";

export async function recordDeviceCheckAction(formData: FormData): Promise<DeviceCheckSaveResult> {
  const viewer = await requireRole(Role.PATIENT);
  const parsed = recordDeviceCheckInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: await deviceCheckErrorMessage(null) };
  try {
    const check = await recordDeviceCheck({ ...parsed.data, viewer });
    revalidatePath(`/visits/${parsed.data.visitId}`);
    return { status: "saved", checkedAt: check.checkedAt.toISOString(), isPassed: check.isPassed };
  } catch (error) {
    if (!isAppError(error, "not_found") && !isAppError(error, "conflict")) throw error;
    return { status: "error", message: await deviceCheckErrorMessage(error) };
  }
}

export async function acceptConsentAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.PATIENT);
  // Put back what was typed and ticked: React empties the form after every submission.
  const values = {
    signedName: formText(formData, "signedName"),
    agreed: formText(formData, "agreed"),
  };
  const parsed = acceptConsentInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors = await localizedFieldErrors(parsed.error, "consent");
    return withValues(invalidFieldsState(fieldErrors, ["visitId", "version"]), values);
  }
  try {
    await acceptTelehealthConsent({ ...parsed.data, viewer });
  } catch (error) {
    return withValues(await consentErrorState(error, viewer), values);
  }
  redirect(`/visits/${parsed.data.visitId}?consent=signed`);
}
