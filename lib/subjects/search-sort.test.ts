import { describe, expect, it } from "vitest";

import { subjectSearchParamsSchema } from "@/lib/subjects/schemas";
import { sortChange } from "@/lib/subjects/search-sort";

const params = (query: Record<string, string>) => subjectSearchParamsSchema.parse(query);

describe("sortChange", () => {
  it("toggles the direction of the current sort column and restarts at page 1", () => {
    expect(sortChange(params({ q: "a", page: "3" }), "dob")).toEqual({
      sort: "dob",
      dir: "asc",
      page: 1,
    });
    expect(sortChange(params({ sort: "dob" }), "dob")).toMatchObject({ dir: "desc" });
    expect(sortChange(params({ sort: "dob", dir: "desc" }), "dob")).toMatchObject({ dir: "asc" });
    expect(sortChange(params({ sort: "name", dir: "desc" }), "record")).toMatchObject({
      sort: "record",
      dir: "asc",
    });
  });
});
