import path from "node:path";

import { ESLint } from "eslint";
import nextVitals from "eslint-config-next/core-web-vitals";
import { createTranslator } from "next-intl";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

import en from "@/messages/en.json";
import es from "@/messages/es.json";

import { NO_PATIENT_LITERALS, PATIENT_FILES } from "./patient-files.mjs";

// The catalogs and the patient's components (decision 033): the same keys in English and Spanish,
// every message well-formed with the same arguments, and no literal text in a patient component.

/** Every message by its dotted key (lists, such as install steps, by index). */
function flatten(catalog: object, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(name, value);
    else if (typeof value === "object" && value !== null)
      for (const entry of flatten(value as object, name)) entries.set(...entry);
    else throw new Error(`${name} is neither a message nor a group`);
  }
  return entries;
}

/** The ICU arguments and tags a message uses: {name}, {count, plural, …}, <strong>…</strong>. */
function argumentsOf(message: string): string[] {
  const names = [...message.matchAll(/\{\s*(\w+)\s*[,}]|<(\w+)>/g)].map((m) => m[1] ?? m[2]);
  return [...new Set(names)].filter((name): name is string => !!name).sort();
}

const english = flatten(en);
const spanish = flatten(es);

describe("message catalogs", () => {
  it("have the same keys in English and Spanish", () => {
    const missingInSpanish = [...english.keys()].filter((key) => !spanish.has(key));
    const missingInEnglish = [...spanish.keys()].filter((key) => !english.has(key));
    expect({ missingInSpanish, missingInEnglish }).toEqual({
      missingInSpanish: [],
      missingInEnglish: [],
    });
  });

  it("have no empty message, and the same arguments in both languages", () => {
    for (const [key, message] of english) {
      expect(message.trim(), key).not.toBe("");
      expect(spanish.get(key)?.trim(), key).not.toBe("");
      expect(argumentsOf(spanish.get(key) ?? ""), key).toEqual(argumentsOf(message));
    }
  });

  it("format every message without an error", () => {
    for (const [locale, messages, entries] of [
      ["en", en, english],
      ["es", es, spanish],
    ] as const) {
      const errors: string[] = [];
      const t = createTranslator({
        locale,
        messages,
        onError: (error) => errors.push(error.message),
      });
      for (const [key, message] of entries) {
        const values = Object.fromEntries(argumentsOf(message).map((name) => [name, 1]));
        const tags = Object.fromEntries(
          argumentsOf(message).map((name) => [name, (chunks: unknown) => String(chunks)]),
        );
        // Dynamic keys from the catalog itself: the typed API is for the app's code.
        const translate = t as unknown as {
          (key: string, values: object): string;
          rich: (key: string, values: object) => unknown;
        };
        if (message.includes("<")) translate.rich(key, tags);
        else translate(key, values);
      }
      expect(errors, locale).toEqual([]);
    }
  });
});

describe("patient components", () => {
  const react = nextVitals.find((config) => config.plugins?.react)?.plugins?.react;
  const eslint = new ESLint({
    cwd: path.resolve(import.meta.dirname, "../.."),
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.tsx"],
        plugins: { react: react! },
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        rules: NO_PATIENT_LITERALS,
      },
    ],
  });

  it("find literal text in a component", async () => {
    const [result] = await eslint.lintText(
      'export const A = ({ ok }: { ok: boolean }) => <p title="Hello">Join {ok ? "Yes" : "No"}</p>;',
      { filePath: "components/visits/patient-example.tsx" },
    );
    expect(result?.messages.map((m) => m.ruleId)).toEqual([
      "no-restricted-syntax",
      "react/jsx-no-literals",
      "no-restricted-syntax",
      "no-restricted-syntax",
    ]);
  });

  it("hold no literal text", { timeout: 60_000 }, async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const results = await eslint.lintFiles(PATIENT_FILES);
    expect(results.length).toBeGreaterThan(PATIENT_FILES.length);
    // Only this rule's findings (the files' disable comments name rules this linter does not load).
    const rules = new Set(Object.keys(NO_PATIENT_LITERALS));
    const problems = results.flatMap((result) =>
      result.messages
        .filter((m) => m.ruleId && rules.has(m.ruleId))
        .map((m) => `${path.relative(root, result.filePath)}:${m.line} ${m.message}`),
    );
    expect(problems).toEqual([]);
  });
});
