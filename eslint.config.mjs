import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

import { NO_PATIENT_LITERALS, PATIENT_FILES } from "./lib/i18n/patient-files.mjs";

// Layering (STYLE.md §3): each block lists what a folder may not import.
const NO_EMULATOR = {
  group: ["@/zoom-emulator/*", "**/zoom-emulator/*"],
  message: "The app knows Zoom only through its base URLs; never import the emulator.",
};
const NO_FRAMEWORK_LAYERS = {
  group: ["@/app/*", "@/components/*"],
  message: "lib/ is framework-free: it never imports app/ or components/.",
};
const NO_DOMAINS = {
  group: [
    "@/lib/subjects/*",
    "@/lib/visits/*",
    "@/lib/retention/*",
    "@/lib/users/*",
    "@/lib/zoom/link/*",
  ],
  message: "Outbound adapters never import a domain (STYLE.md §3).",
};
// lib/inbound/ is the inbound pipeline that the adapters share; its ledger (store-notifications)
// imports no domain, so the domains that apply a notification in its transaction may use it.
const INBOUND_PIPELINE = "lib/inbound/!(store-notifications*).ts";
const NO_INBOUND = {
  group: [
    "@/lib/zoom/webhook/*",
    "@/lib/telehealth/notifications/*",
    "@/lib/inbound/*",
    "!@/lib/inbound/store-notifications",
    "!@/lib/inbound/store-notifications.sql",
  ],
  message:
    "Domains never import an inbound adapter or the inbound pipeline, only its ledger (STYLE.md §3).",
};
const NO_RAW_ZOOM_REQUEST = {
  name: "@/lib/zoom/api/request",
  importNames: ["zoomRequest"],
  message: "Call Zoom through the typed functions in lib/zoom/api/.",
};
const ONLY_CLIENT_SAFE_LIB = {
  regex:
    "^@/lib/(?!(utils|format|time-zone|action-state|visits/visit-phase|.+/types|.+/schemas|.+/constants)$)",
  message:
    "Components may use lib/utils, lib/format, lib/time-zone, lib/action-state, lib/visits/visit-phase and lib/**/{types,schemas,constants} only.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    ".next/**",
    ".data/**",
    "generated/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    files: ["**/*.{ts,tsx,mts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    // Tests set up the environment that the code under test reads.
    ignores: ["lib/env.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    // Playwright fixtures call their continuation `use`, which is not a React hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_EMULATOR] }] },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: ["server-only"], patterns: [NO_EMULATOR, ONLY_CLIENT_SAFE_LIB] },
      ],
    },
  },
  // lib/ layering (STYLE.md §3). Each file matches exactly one of these blocks.
  {
    // Domains and foundation (the admin's Zoom linking, lib/zoom/link, is a domain use case; the
    // inbound ledger is foundation): never an inbound adapter.
    files: ["lib/**"],
    ignores: ["lib/zoom/!(link)/**", "lib/zoom/*.ts", INBOUND_PIPELINE, "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [NO_EMULATOR, NO_FRAMEWORK_LAYERS, NO_INBOUND], paths: [NO_RAW_ZOOM_REQUEST] },
      ],
    },
  },
  {
    // Outbound Zoom adapter: never a domain.
    files: ["lib/zoom/**"],
    ignores: ["lib/zoom/webhook/**", "lib/zoom/api/**", "lib/zoom/link/**", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [NO_EMULATOR, NO_FRAMEWORK_LAYERS, NO_DOMAINS], paths: [NO_RAW_ZOOM_REQUEST] },
      ],
    },
  },
  {
    files: ["lib/zoom/api/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [NO_EMULATOR, NO_FRAMEWORK_LAYERS, NO_DOMAINS] },
      ],
    },
  },
  {
    // Inbound notifications (the adapters and their shared pipeline, lib/inbound) may hand over
    // to domains.
    files: ["lib/zoom/webhook/**", "lib/telehealth/notifications/**", INBOUND_PIPELINE],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [NO_EMULATOR, NO_FRAMEWORK_LAYERS], paths: [NO_RAW_ZOOM_REQUEST] },
      ],
    },
  },
  {
    // Tests may set up anything, and call a route handler (app/api) as Next.js would; pages and
    // components are tested end to end (e2e/).
    files: ["tests/**", "lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            NO_EMULATOR,
            {
              regex: "^@/(components/|app/(?!api/))",
              message: "Tests import route handlers of app/api only; test pages end to end.",
            },
          ],
          paths: [NO_RAW_ZOOM_REQUEST],
        },
      ],
    },
  },
  {
    // The emulator is a second, independent implementation of Zoom's protocols: it shares no code.
    files: ["zoom-emulator/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/*"], message: "The emulator imports nothing from the app." },
            {
              group: [
                "**/lib/**",
                "**/app/**",
                "**/components/**",
                "**/prisma/**",
                "**/generated/**",
              ],
              message: "The emulator imports nothing from the app.",
            },
          ],
        },
      ],
    },
  },
  {
    // The patient's side is translated (decision 033): words come from messages/, never literals.
    files: PATIENT_FILES,
    rules: NO_PATIENT_LITERALS,
  },
]);
