"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { importMappingFormSchema } from "@/lib/subjects/import/schemas";
import { startSubjectImport } from "@/lib/subjects/import/start-subject-import";

export async function mapImportAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = importMappingFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { status: "error", message: parsed.error.issues[0]?.message ?? "Check the mapping." };
  const { importId, mapping, intent } = parsed.data;
  try {
    await startSubjectImport({ viewer, importId, mapping, shouldRun: intent === "run" });
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath(`/settings/import/${importId}`);
  return { status: "success" };
}
