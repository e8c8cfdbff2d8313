"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import type { ActionState } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { runFormAction } from "@/lib/server/run-form-action";
import { undoNoShowInputSchema } from "@/lib/visits/no-show/schemas";
import { undoNoShow } from "@/lib/visits/no-show/undo-no-show";

export async function undoNoShowAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  return runFormAction(formData, {
    schema: undoNoShowInputSchema,
    run: (input) => undoNoShow({ ...input, viewer }),
    done: () => {
      revalidatePath("/today");
      return { status: "success", message: "No-show undone." };
    },
  });
}
