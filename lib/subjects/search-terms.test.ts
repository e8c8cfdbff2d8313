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

  it("reads dates of birth as people type them, in both clinic orders", () => {
    const may17 = { MDY: "1984-05-17", DMY: "1984-05-17" };
    expect(parseSearchTerms("1984-05-17").datesOfBirth).toEqual(may17);
    expect(parseSearchTerms("5/17/1984")).toMatchObject({
      datesOfBirth: may17,
      name: null,
      phoneDigits: null,
      recordDigits: null,
    });
    for (const typed of ["05-17-1984", "05/17/84", "May 17 1984", "17.05.1984", "17 May 1984"])
      expect(parseSearchTerms(typed).datesOfBirth).toEqual(may17);
    expect(parseSearchTerms("05/06/1984").datesOfBirth).toEqual({
      MDY: "1984-05-06",
      DMY: "1984-06-05",
    });
    expect(parseSearchTerms("May 17 1984")).toMatchObject({ name: null, emailPrefix: null });
  });

  it("reads a record number's digits without its prefix or leading zeros", () => {
    expect(parseSearchTerms("0000001")).toMatchObject({ recordDigits: "1", recordLetters: null });
    expect(parseSearchTerms("rfc1")).toMatchObject({ recordDigits: "1", recordLetters: "RFC" });
    expect(parseSearchTerms("RFC-0000123")).toMatchObject({
      recordNumber: "RFC-0000123",
      recordDigits: "123",
      recordLetters: "RFC",
    });
    for (const typed of ["rfc", "000", "rfc-1-2", "maria lopez", "1984-05-17"])
      expect(parseSearchTerms(typed).recordDigits).toBeNull();
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
