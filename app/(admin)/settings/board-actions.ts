"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { fieldErrorsOf } from "@/lib/errors";
import { boardSettingsInputSchema } from "@/lib/today/schemas";
import { updateBoardSettings } from "@/lib/today/update-board-settings";

export async function updateBoardSettingsAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = boardSettingsInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await updateBoardSettings({ ...parsed.data, viewer });
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath("/settings");
  return { status: "success", message: "Today board settings saved." };
}
