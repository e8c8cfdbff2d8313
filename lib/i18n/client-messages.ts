import type en from "@/messages/en.json";

// What the browser gets of the catalog: only the namespaces that the client components under each
// layout read with useTranslations. The rest (the emails' namespaces, what server components and
// actions say) is rendered on the server and never ships. client-messages.test.ts fails when a
// client component reads a namespace its layout does not pass.

type Catalog = typeof en;
export type Namespace = keyof Catalog;

/** The sign-in, one-time code, forgot password and invitation forms (the `(auth)` layout). */
export const AUTH_CLIENT_NAMESPACES = [
  "SignIn",
  "SignInCode",
  "ForgotPassword",
  "SetPassword",
] as const satisfies readonly Namespace[];

/** The patient's pages (the `(patient)` layout): join, device check, consent, install guidance. */
export const PATIENT_CLIENT_NAMESPACES = [
  "VisitCard",
  "DeviceCheck",
  "Consent",
  "Pwa",
] as const satisfies readonly Namespace[];

export function pickNamespaces<N extends Namespace>(
  messages: Catalog,
  namespaces: readonly N[],
): Pick<Catalog, N> {
  const picked: Partial<Pick<Catalog, N>> = {};
  for (const namespace of namespaces) picked[namespace] = messages[namespace];
  return picked as Pick<Catalog, N>;
}
