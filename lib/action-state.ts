import type { ZodError } from "zod";

import {
  fieldErrorsOf,
  isAppError,
  isUnstorableTextError,
  UNSTORABLE_TEXT_MESSAGE,
} from "@/lib/errors";

// What a server action returns to its form. Never raw error text: messages are written for people.

export type ActionState =
  | { status: "idle" }
  | { status: "success"; message?: string; id?: string }
  | {
      status: "error";
      message?: string;
      fieldErrors?: Record<string, string[]>;
      /** Values to put back into the form, so that nobody retypes them. */
      values?: Record<string, string>;
      /** A probable duplicate the form links to (Add subject's "open it, or add anyway?"). */
      duplicateId?: string;
    };

export const IDLE: ActionState = { status: "idle" };

/** A text field of a submitted form, to echo back into the form; files and missing fields are "". */
export function formText(formData: FormData, name: string, maxLength = 254): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, maxLength) : "";
}

/** An error state with the named fields' submitted text, so that the form shows what was typed. */
export function withSubmittedValues(
  state: ActionState,
  formData: FormData,
  names: readonly string[],
): ActionState {
  if (state.status !== "error") return state;
  return {
    ...state,
    values: Object.fromEntries(names.map((name) => [name, formText(formData, name)])),
  };
}

/**
 * An expected failure of a use case (bad input, a conflict, something not found, Zoom refusing or
 * unreachable) as the form's error; anything else is rethrown to the error page.
 */
export function actionErrorFrom(error: unknown): ActionState {
  if (isUnstorableTextError(error)) return { status: "error", message: UNSTORABLE_TEXT_MESSAGE };
  if (!isAppError(error) || error.code === "internal" || error.code === "forbidden") throw error;
  return { status: "error", message: error.publicMessage, fieldErrors: error.extra.fields };
}

/**
 * A form's invalid input as its error state. The errors of `hiddenFields` (ids the form carries in
 * hidden inputs, with no field to show an error next to) become its message instead.
 */
export function invalidInputState(error: ZodError, hiddenFields: readonly string[]): ActionState {
  return invalidFieldsState(fieldErrorsOf(error), hiddenFields);
}

/** The same for field errors already worded (translated ones, for the patient's forms). */
export function invalidFieldsState(
  fieldErrors: Record<string, string[]>,
  hiddenFields: readonly string[],
): ActionState {
  const messages = hiddenFields.flatMap((field) => fieldErrors[field] ?? []);
  for (const field of hiddenFields) delete fieldErrors[field];
  return messages.length > 0
    ? { status: "error", message: [...new Set(messages)].join(" "), fieldErrors }
    : { status: "error", fieldErrors };
}

/**
 * What a form shows in its general alert: the errors of fields it has no input for, and its
 * message unless a field shows that already (a use case's error names its field and says the same).
 */
export function generalErrorsOf(state: ActionState, shownFields: readonly string[]): string[] {
  if (state.status !== "error") return [];
  const shown = new Set<string>();
  const general = state.message ? [state.message] : [];
  for (const [field, messages] of Object.entries(state.fieldErrors ?? {})) {
    if (shownFields.includes(field)) messages.forEach((message) => shown.add(message));
    else general.push(...messages);
  }
  return [...new Set(general)].filter((message) => !shown.has(message));
}

/** An error state with the values to put back into the form; other states as they are. */
export function withValues(state: ActionState, values: Record<string, string>): ActionState {
  return state.status === "error" ? { ...state, values } : state;
}
