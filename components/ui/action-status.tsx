import { Alert } from "@/components/ui/alert";
import type { ActionState } from "@/lib/action-state";

type ActionStatusProps = {
  state: ActionState;
  /** What the error alert says when the action returned no message; without it, no alert. */
  errorFallback?: string;
};

/** A form's outcome after its action: the success or error message, announced politely. */
export function ActionStatus({ state, errorFallback }: ActionStatusProps) {
  const error = state.status === "error" ? (state.message ?? errorFallback) : undefined;
  return (
    <div aria-live="polite">
      {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
