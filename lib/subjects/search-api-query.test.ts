import { describe, expect, it } from "vitest";

import { subjectSearchApiQuerySchema } from "@/lib/subjects/schemas";

describe("subjectSearchApiQuerySchema", () => {
  it("reads a full query and fills in defaults", () => {
    expect(subjectSearchApiQuerySchema.parse({ q: "  smith " })).toEqual({
      q: "smith",
      page: 1,
      sort: "relevance",
      dir: "asc",
      portal: "any",
      upcoming: false,
    });
    expect(
      subjectSearchApiQuerySchema.parse({ q: "x", page: "3", sort: "dob", upcoming: "1" }),
    ).toMatchObject({ page: 3, sort: "dob", upcoming: true });
  });

  it.each([
    [{ page: "0" }],
    [{ page: "two" }],
    [{ page: "1.5" }],
    [{ sort: "ssn" }],
    [{ dir: "up" }],
    [{ portal: "maybe" }],
    [{ upcoming: "yes" }],
    [{ q: "x".repeat(1000) }],
    [{ unknown: "1" }],
  ])("refuses %o instead of guessing", (query) => {
    expect(subjectSearchApiQuerySchema.safeParse(query).success).toBe(false);
  });
});
