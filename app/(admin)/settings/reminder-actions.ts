"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { fieldErrorsOf } from "@/lib/errors";
import { updateReminderSettings } from "@/lib/organizations/reminder-settings";
import { reminderSettingsInputSchema } from "@/lib/organizations/schemas";

export async function updateReminderSettingsAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  // Each ticked checkbox sends its own value under the same name.
  const parsed = reminderSettingsInputSchema.safeParse({
    reminderOffsetsMinutes: formData.getAll("reminderOffsetsMinutes"),
    calendarSubjectName: formData.get("calendarSubjectName"),
  });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await updateReminderSettings({ ...parsed.data, viewer });
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath("/settings");
  return { status: "success", message: "Reminder settings saved." };
}
