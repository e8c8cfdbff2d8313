import { describe, expect, it } from "vitest";

import { subjectSearchParamsSchema } from "@/lib/subjects/schemas";
import { subjectSearchHref, subjectSortHref } from "@/lib/subjects/search-url";

const params = (query: Record<string, string>) => subjectSearchParamsSchema.parse(query);

describe("subject search URLs", () => {
  it("leave defaults out", () => {
    expect(subjectSearchHref(params({}))).toBe("/subjects");
    expect(
      subjectSearchHref(params({ q: "lopez", page: "2", portal: "with", upcoming: "1" })),
    ).toBe("/subjects?q=lopez&portal=with&upcoming=1&page=2");
  });

  it("toggle the direction of the current sort column and restart at page 1", () => {
    expect(subjectSortHref(params({ q: "a", page: "3" }), "dob")).toBe("/subjects?q=a&sort=dob");
    expect(subjectSortHref(params({ q: "a", sort: "dob" }), "dob")).toBe(
      "/subjects?q=a&sort=dob&dir=desc",
    );
    expect(subjectSortHref(params({ sort: "dob", dir: "desc" }), "dob")).toBe("/subjects?sort=dob");
  });

  it("survive hostile parameters", () => {
    expect(
      subjectSearchHref(
        params({ q: "a&b=c", sort: "drop table", dir: "up", page: "-4", portal: "x" }),
      ),
    ).toBe("/subjects?q=a%26b%3Dc");
  });
});
