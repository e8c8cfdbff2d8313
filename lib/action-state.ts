import { isAppError } from "@/lib/errors";

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
    };

export const IDLE: ActionState = { status: "idle" };

/** A text field of a submitted form, to echo back into the form; files and missing fields are "". */
export function formText(formData: FormData, name: string, maxLength = 254): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, maxLength) : "";
}

/**
 * An expected failure of a use case (bad input, a conflict, something not found, Zoom refusing or
 * unreachable) as the form's error; anything else is rethrown to the error page.
 */
export function actionErrorFrom(error: unknown): ActionState {
  if (!isAppError(error) || error.code === "internal" || error.code === "forbidden") throw error;
  return { status: "error", message: error.publicMessage, fieldErrors: error.extra.fields };
}
