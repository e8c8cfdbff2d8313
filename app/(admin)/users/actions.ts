"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom, formText } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { fieldErrorsOf } from "@/lib/errors";
import { fullName } from "@/lib/format";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createStaffUser } from "@/lib/users/create-staff-user";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import {
  changeUserRoleInputSchema,
  createStaffUserInputSchema,
  resetUserPasswordInputSchema,
  USER_FORM_INVALID,
  userIdInputSchema,
} from "@/lib/users/schemas";

// Every action: requireRole → safeParse → one lib/users use case → revalidate the Users page.
// The use cases check again that the viewer is an admin of the user's organization.

const ROLE_LABELS: Record<Role, string> = {
  [Role.ADMIN]: "an administrator",
  [Role.CARE_TEAM]: "a care team member",
  [Role.PATIENT]: "a patient",
};

const INVALID = { status: "error", message: "That request was not understood." } as const;

export async function createStaffUserAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  // Put back what was typed, except the password.
  const values = Object.fromEntries(
    ["firstName", "lastName", "email", "role"].map((field) => [field, formText(formData, field)]),
  );
  const parsed = createStaffUserInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { status: "error", message: USER_FORM_INVALID, fieldErrors, values };
  }
  try {
    const user = await createStaffUser({ ...parsed.data, viewer });
    revalidatePath("/users");
    return { status: "success", message: `${fullName(user)} can now sign in.`, id: user.id };
  } catch (error) {
    const failure = actionErrorFrom(error);
    return failure.status === "error" ? { ...failure, values } : failure;
  }
}

/** Deactivate or reactivate, by the form's `intent`: one form, so its message outlives the switch. */
export async function changeUserStatusAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = userIdInputSchema.safeParse(Object.fromEntries(formData));
  const intent = formData.get("intent");
  if (!parsed.success || (intent !== "deactivate" && intent !== "reactivate")) return INVALID;
  try {
    const options = { ...parsed.data, viewer };
    const user =
      intent === "deactivate" ? await deactivateUser(options) : await reactivateUser(options);
    revalidatePath("/users");
    const outcome = user.isActive ? "can sign in again" : "is deactivated and signed out";
    return { status: "success", message: `${fullName(user)} ${outcome}.` };
  } catch (error) {
    return actionErrorFrom(error);
  }
}

export async function changeUserRoleAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = changeUserRoleInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return INVALID;
  try {
    const user = await changeUserRole({ ...parsed.data, viewer });
    revalidatePath("/users");
    return { status: "success", message: `${fullName(user)} is now ${ROLE_LABELS[user.role]}.` };
  } catch (error) {
    return actionErrorFrom(error);
  }
}

export async function resetUserPasswordAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = resetUserPasswordInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { status: "error", message: "The password was not changed.", fieldErrors };
  }
  try {
    const user = await resetUserPassword({ ...parsed.data, viewer });
    revalidatePath("/users");
    return { status: "success", message: `Password changed; ${fullName(user)} was signed out.` };
  } catch (error) {
    return actionErrorFrom(error);
  }
}
