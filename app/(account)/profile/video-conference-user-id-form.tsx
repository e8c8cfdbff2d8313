"use client";

import { Save } from "lucide-react";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";

import { Alert } from "@/components/ui/alert";
import { IDLE } from "@/lib/action-state";

import { saveVideoConferenceUserIdAction } from "./actions";

function SaveIconButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label="Save Video Conference User ID"
      title="Save"
      className="inline-flex size-10 items-center justify-center rounded-md bg-blue-700 text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:bg-blue-400"
    >
      <Save aria-hidden className="size-5" />
    </button>
  );
}

export function VideoConferenceUserIdForm({ value }: { value: string | null }) {
  const [state, formAction] = useActionState(saveVideoConferenceUserIdAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors?.videoConferenceUserId : undefined;
  return (
    <form action={formAction} className="flex max-w-lg flex-col gap-2">
      <label htmlFor="video-conference-user-id" className="text-sm font-medium">
        Video Conference User ID
      </label>
      <div className="flex gap-2">
        <input
          id="video-conference-user-id"
          name="videoConferenceUserId"
          defaultValue={value ?? ""}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={errors ? true : undefined}
          aria-describedby="video-conference-user-id-hint video-conference-user-id-status"
          className="min-h-10 flex-1 rounded-md border border-slate-400 px-3 py-2 font-mono text-sm focus-visible:border-blue-700 focus-visible:outline-2 focus-visible:outline-blue-700"
        />
        <SaveIconButton />
      </div>
      <p id="video-conference-user-id-hint" className="text-sm text-slate-600">
        Your Zoom user id. Leave it empty and CareVisit finds your Zoom user by email (or creates
        one) when you first start a meeting.
      </p>
      <div id="video-conference-user-id-status" aria-live="polite">
        {errors ? <p className="text-sm text-red-700">{errors.join(" ")}</p> : null}
        {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
      </div>
    </form>
  );
}
