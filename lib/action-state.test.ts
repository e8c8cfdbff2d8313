import { describe, expect, it } from "vitest";
import { z } from "zod";

import {
  type ActionState,
  generalErrorsOf,
  invalidInputState,
  withSubmittedValues,
} from "@/lib/action-state";

const schema = z.object({
  visitId: z.uuid({ message: "This visit cannot be found." }),
  date: z.string().min(1, "Choose a date."),
});

function invalid(input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("Expected invalid input");
  return result.error;
}

describe("invalidInputState", () => {
  it("makes a hidden field's error the message, and keeps the other fields' errors", () => {
    expect(invalidInputState(invalid({ visitId: "x", date: "" }), ["visitId"])).toEqual({
      status: "error",
      message: "This visit cannot be found.",
      fieldErrors: { date: ["Choose a date."] },
    });
  });

  it("has no message when the hidden fields are fine", () => {
    const visitId = "a3d5f7e9-1b2c-4d6e-8f0a-1c3e5a7b9d2f";
    expect(invalidInputState(invalid({ visitId, date: "" }), ["visitId"])).toEqual({
      status: "error",
      fieldErrors: { date: ["Choose a date."] },
    });
  });
});

describe("generalErrorsOf", () => {
  const shown = ["date", "time"];

  it("is empty unless the state is an error", () => {
    expect(generalErrorsOf({ status: "idle" }, shown)).toEqual([]);
    expect(generalErrorsOf({ status: "success", message: "Saved." }, shown)).toEqual([]);
  });

  it("has the message when no field shows it", () => {
    const state: ActionState = { status: "error", message: "Visit not found" };
    expect(generalErrorsOf(state, shown)).toEqual(["Visit not found"]);
  });

  it("leaves out a message that a shown field says already", () => {
    const message = "Choose a date and time in the future.";
    const state: ActionState = { status: "error", message, fieldErrors: { date: [message] } };
    expect(generalErrorsOf(state, shown)).toEqual([]);
  });

  it("has the errors of fields the form does not show, once each", () => {
    const state: ActionState = {
      status: "error",
      message: "This visit cannot be found.",
      fieldErrors: {
        visitId: ["This visit cannot be found."],
        durationMinutes: ["Choose a duration."],
        date: ["Choose a date."],
      },
    };
    expect(generalErrorsOf(state, shown)).toEqual([
      "This visit cannot be found.",
      "Choose a duration.",
    ]);
  });
});

describe("withSubmittedValues", () => {
  it("puts the named fields' text into an error state, and leaves other states alone", () => {
    const formData = new FormData();
    formData.set("date", "2026-12-08");
    formData.set("time", "10:15");
    const state = withSubmittedValues({ status: "error", message: "Clash" }, formData, [
      "date",
      "time",
      "durationMinutes",
    ]);
    expect(state).toEqual({
      status: "error",
      message: "Clash",
      values: { date: "2026-12-08", time: "10:15", durationMinutes: "" },
    });
    expect(withSubmittedValues({ status: "success" }, formData, ["date"])).toEqual({
      status: "success",
    });
  });
});
