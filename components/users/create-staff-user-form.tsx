"use client";

import { useActionState } from "react";

import { ActionStatus } from "@/components/ui/action-status";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Role } from "@/generated/prisma/enums";
import { IDLE } from "@/lib/action-state";
import { USER_EMAIL_MAX, USER_NAME_MAX, USER_PASSWORD_MIN } from "@/lib/users/constants";

import { SelectField } from "@/components/ui/select-field";
import type { UserFormAction } from "./types";

/** Adds a care team member or an administrator with an initial password the admin hands over. */
export function CreateStaffUserForm({ action }: { action: UserFormAction }) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  // After a refused save the form shows what was typed (React resets forms to their defaults).
  const typed = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="First name"
          name="firstName"
          defaultValue={typed?.firstName ?? ""}
          maxLength={USER_NAME_MAX}
          autoComplete="off"
          errors={errors?.firstName}
        />
        <Field
          label="Last name"
          name="lastName"
          defaultValue={typed?.lastName ?? ""}
          maxLength={USER_NAME_MAX}
          autoComplete="off"
          errors={errors?.lastName}
        />
      </div>
      <Field
        label="Email"
        name="email"
        type="email"
        defaultValue={typed?.email ?? ""}
        maxLength={USER_EMAIL_MAX}
        autoComplete="off"
        hint="They sign in with this address."
        errors={errors?.email}
      />
      <SelectField
        id="new-user-role"
        name="role"
        label="Role"
        defaultValue={typed?.role || Role.CARE_TEAM}
        errors={errors?.role}
      >
        <option value={Role.CARE_TEAM}>Care team member</option>
        <option value={Role.ADMIN}>Administrator</option>
      </SelectField>
      <Field
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        hint={`At least ${USER_PASSWORD_MIN} characters. Give it to them in person or by phone, not by email.`}
        errors={errors?.password}
      />
      <ActionStatus state={state} />
      <SubmitButton pendingLabel="Adding…" className="self-start">
        Add user
      </SubmitButton>
    </form>
  );
}
