import "server-only";

import type { z } from "zod";

import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { fieldErrorsOf } from "@/lib/errors";

type FormActionSteps<Input, Result> = {
  schema: z.ZodType<Input>;
  /** The one use case the action runs, with the parsed form. */
  run: (input: Input) => Promise<Result>;
  /** The state after `run` succeeded (revalidate here: it runs outside the catch). */
  done: (result: Result) => ActionState;
  /** The state of a form that does not parse; by default its field errors. */
  invalid?: (error: z.ZodError) => ActionState;
  /** The state after `run` failed; by default `actionErrorFrom` (unexpected errors rethrown). */
  failed?: (error: unknown) => ActionState;
};

const fieldErrorsState = (error: z.ZodError): ActionState => ({
  status: "error",
  fieldErrors: fieldErrorsOf(error),
});

/**
 * What a server action does after `requireRole`: parse the submitted form, run one use case, and
 * turn each outcome into the form's state.
 */
export async function runFormAction<Input, Result>(
  formData: FormData,
  {
    schema,
    run,
    done,
    invalid = fieldErrorsState,
    failed = actionErrorFrom,
  }: FormActionSteps<Input, Result>,
): Promise<ActionState> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  let result: Result;
  try {
    result = await run(parsed.data);
  } catch (error) {
    return failed(error);
  }
  return done(result);
}
