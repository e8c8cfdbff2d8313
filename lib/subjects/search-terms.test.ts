import { describe, expect, it } from "vitest";

import { escapeLike, parseSearchTerms } from "@/lib/subjects/search-terms";

describe("parseSearchTerms", () => {
  it("reads a record number as a record number prefix and an email start", () => {
    expect(parseSearchTerms("rfc-00012")).toMatchObject({
      recordNumber: "RFC-00012",
      name: null,
      phoneDigits: null,
    });
  });

  it("reads names, typos and all, without digits or punctuation", () => {
    expect(parseSearchTerms("  Maria   Lopze ")).toMatchObject({
      name: "maria lopze",
      recordNumber: null,
      emailPrefix: null,
    });
    expect(parseSearchTerms("Lopez, Maria")).toMatchObject({ name: "lopez maria" });
    expect(parseSearchTerms("O'Brien")).toMatchObject({ name: "o'brien" });
    expect(parseSearchTerms("José")).toMatchObject({ name: "josé" });
  });

  it("uses a surname prefix for one or two letters", () => {
    expect(parseSearchTerms("Lo")).toMatchObject({ name: null, lastNamePrefix: "lo" });
  });

  it("reads dates of birth in ISO and US forms", () => {
    expect(parseSearchTerms("1984-05-17").dateOfBirth).toBe("1984-05-17");
    expect(parseSearchTerms("5/17/1984")).toMatchObject({
      dateOfBirth: "1984-05-17",
      name: null,
      phoneDigits: null,
    });
    expect(parseSearchTerms("05-17-1984").dateOfBirth).toBe("1984-05-17");
  });

  it("reads phone numbers in any punctuation, dropping a +1", () => {
    expect(parseSearchTerms("(555) 010-4477").phoneDigits).toBe("5550104477");
    expect(parseSearchTerms("+1 555 010 4477").phoneDigits).toBe("5550104477");
    expect(parseSearchTerms("555-0104").phoneDigits).toBe("5550104");
    expect(parseSearchTerms("4477").phoneDigits).toBeNull();
  });

  it("reads an email or its start", () => {
    expect(parseSearchTerms("Maria.Lopez@Example.com").emailPrefix).toBe("maria.lopez@example.com");
    expect(parseSearchTerms("maria.lo").emailPrefix).toBe("maria.lo");
  });

  it.each(["", "   ", "%", "_", "'; DROP TABLE x; --", "😀😀", "\\", "x".repeat(10_000)])(
    "never fails on %j",
    (query) => {
      expect(() => parseSearchTerms(query)).not.toThrow();
    },
  );
});

describe("escapeLike", () => {
  it("escapes wildcards and the escape character", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});
