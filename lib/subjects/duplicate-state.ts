import type { ActionState } from "@/lib/action-state";
import type { ProbableDuplicate } from "@/lib/subjects/duplicates";

/** The form's question about a probable duplicate; `id` links to the subject that exists. */
export function duplicateState(
  duplicate: ProbableDuplicate,
  values: Record<string, string>,
): ActionState {
  const what = duplicate.reason === "email" ? "this email" : "this name and date of birth";
  return {
    status: "error",
    message: `A subject with ${what} exists (${duplicate.recordNumber}): open it, or add anyway?`,
    duplicateId: duplicate.id,
    values,
  };
}
