"use client";

import { useActionState } from "react";

import { ActionStatus } from "@/components/ui/action-status";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { DateOrder } from "@/generated/prisma/enums";
import { IDLE } from "@/lib/action-state";

import { updateSubjectSettingsAction } from "./subject-actions";

type SubjectSettingsFormProps = { subjectRecordPrefix: string; dateOrder: DateOrder };

const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  MDY: "Month first: 05/06/1984 is May 6, 1984",
  DMY: "Day first: 05/06/1984 is June 5, 1984",
};

export function SubjectSettingsForm({ subjectRecordPrefix, dateOrder }: SubjectSettingsFormProps) {
  const [state, formAction] = useActionState(updateSubjectSettingsAction, IDLE);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex max-w-lg flex-col gap-4">
      <Field
        label="Record number prefix"
        name="subjectRecordPrefix"
        defaultValue={subjectRecordPrefix}
        maxLength={12}
        hint="Add subject's “Assign the next number” puts this before the number (RFC- gives RFC-0000001). Numbers already given keep theirs."
        errors={fieldErrors?.subjectRecordPrefix}
      />
      <SelectField
        id="date-order"
        name="dateOrder"
        label="Dates are written"
        defaultValue={dateOrder}
        hint="How search, Add subject and imports read a date of birth such as 05/06/1984."
        errors={fieldErrors?.dateOrder}
      >
        {(Object.keys(DATE_ORDER_LABELS) as DateOrder[]).map((order) => (
          <option key={order} value={order}>
            {DATE_ORDER_LABELS[order]}
          </option>
        ))}
      </SelectField>
      <ActionStatus state={state} />
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save subject settings
      </SubmitButton>
    </form>
  );
}
