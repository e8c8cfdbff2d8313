import { describe, expect, it } from "vitest";

import { localeFromAcceptLanguage, negotiateLocale, parseLocale } from "./negotiate-locale";

describe("parseLocale", () => {
  it.each([
    ["es", "es"],
    ["es-MX", "es"],
    ["ES", "es"],
    ["en_US", "en"],
  ])("reads %s as %s", (value, expected) => {
    expect(parseLocale(value)).toBe(expected);
  });

  it.each(["fr", "", "  ", "español", "e", "<script>", undefined, null])("refuses %s", (value) => {
    expect(parseLocale(value)).toBeNull();
  });
});

describe("localeFromAcceptLanguage", () => {
  it("takes the first language we have, by weight", () => {
    expect(localeFromAcceptLanguage("fr-FR, es;q=0.8, en;q=0.5")).toBe("es");
    expect(localeFromAcceptLanguage("en;q=0.3, es-419;q=0.9")).toBe("es");
    expect(localeFromAcceptLanguage("es-ES,es;q=0.9")).toBe("es");
  });

  it("ignores languages refused with q=0 and ones we don't have", () => {
    expect(localeFromAcceptLanguage("es;q=0, de")).toBeNull();
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage("garbage;q=x")).toBeNull();
  });
});

describe("negotiateLocale", () => {
  it("prefers the switch's cookie, then the patient's language, then the browser's", () => {
    expect(negotiateLocale({ cookie: "en", preferredLanguage: "es", acceptLanguage: "es" })).toBe(
      "en",
    );
    expect(negotiateLocale({ preferredLanguage: "es", acceptLanguage: "en" })).toBe("es");
    expect(negotiateLocale({ acceptLanguage: "es-MX" })).toBe("es");
  });

  it("ignores a bad cookie and falls back to English", () => {
    expect(negotiateLocale({ cookie: "xx", acceptLanguage: "es" })).toBe("es");
    expect(negotiateLocale({ cookie: "fr", preferredLanguage: "de", acceptLanguage: "it" })).toBe(
      "en",
    );
    expect(negotiateLocale({})).toBe("en");
  });
});
