import type { ActionState } from "@/lib/action-state";

/** A server action bound to a form through useActionState. */
export type UserFormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
