"use client";

import { useActionState } from "react";

import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, IDLE } from "@/lib/action-state";

type RevokeGuestButtonProps = {
  guestId: string;
  guestName: string;
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Revoke: the guest's link stops working at once. */
export function RevokeGuestButton({ guestId, guestName, action }: RevokeGuestButtonProps) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="guestId" value={guestId} />
      <SubmitButton
        variant="secondary"
        pendingLabel="Revoking…"
        aria-label={`Revoke ${guestName}'s link`}
      >
        Revoke
      </SubmitButton>
      <span aria-live="polite" className="text-sm text-red-800">
        {state.status === "error" ? state.message : ""}
      </span>
    </form>
  );
}
