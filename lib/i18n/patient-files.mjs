// The files a patient or a guest sees (decision 033): no literal text in their JSX, every word
// from messages/{en,es}.json. eslint.config.mjs applies the rule to them; the catalog test checks
// that it does.
export const PATIENT_FILES = [
  "app/(auth)/**/*.tsx",
  "app/(patient)/**/*.tsx",
  "app/reminders/**/*.tsx",
  "app/guest/**/*.tsx",
  "components/guests/guest-link-*.tsx",
  "app/_shell/app-shell.tsx",
  "components/i18n/**/*.tsx",
  "components/pwa/**/*.tsx",
  "components/device-check/**/*.tsx",
  "components/consent/consent-form.tsx",
  "components/consent/consent-text.tsx",
  "components/visits/patient-*.tsx",
  "components/visits/live-provider-presence.tsx",
];

// Marks, not words: the same in every language.
const ALLOWED = ["·", "←", "→", "–", "—", ":", "(", ")", "%", "✓", "✗", "!"];

// Props that carry words to a person (labels, hints, alternative text).
const WORD_PROPS =
  "^(label|title|alt|placeholder|aria-label|pendingLabel|hint|submitLabel|description)$";
const MESSAGE = "Patient-facing words come from messages/ (useTranslations), not a literal.";
// Text shown as an element's child through an expression ({a ? "Yes" : "No"}, {`${n} minutes`}),
// which react/jsx-no-literals does not see.
const CHILD = ":matches(JSXElement, JSXFragment) > JSXExpressionContainer";
const TEXT =
  ":matches(Literal[value=/[A-Za-z]{2}/], TemplateLiteral:has(TemplateElement[value.raw=/[A-Za-z]{2}/])):not(JSXAttribute *, CallExpression *)";

export const NO_PATIENT_LITERALS = {
  "react/jsx-no-literals": [
    "error",
    { noStrings: true, ignoreProps: true, allowedStrings: ALLOWED },
  ],
  "no-restricted-syntax": [
    "error",
    {
      selector: `JSXAttribute[name.name=/${WORD_PROPS}/] > Literal[value=/[A-Za-z]/]`,
      message: MESSAGE,
    },
    {
      selector: `JSXAttribute[name.name=/${WORD_PROPS}/] > JSXExpressionContainer > TemplateLiteral`,
      message: MESSAGE,
    },
    {
      selector: `JSXAttribute[name.name=/${WORD_PROPS}/] > JSXExpressionContainer :matches(ConditionalExpression, LogicalExpression) > Literal[value=/[A-Za-z]/]`,
      message: MESSAGE,
    },
    { selector: `${CHILD} > ${TEXT}`, message: MESSAGE },
    {
      selector: `${CHILD} :matches(ConditionalExpression, LogicalExpression) > ${TEXT}`,
      message: MESSAGE,
    },
  ],
};
