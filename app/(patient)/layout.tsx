import { NextIntlClientProvider, useMessages } from "next-intl";
import type { ReactNode } from "react";

import { Role } from "@/generated/prisma/enums";
import { PATIENT_CLIENT_NAMESPACES, pickNamespaces } from "@/lib/i18n/client-messages";

import { RoleShell } from "../_shell/app-shell";

// The patient's pages are translated (decision 033): their client components read the catalog's
// namespaces they need, and only those are sent to the browser.
export default function Layout({ children }: { children: ReactNode }) {
  const messages = pickNamespaces(useMessages(), PATIENT_CLIENT_NAMESPACES);
  return (
    <NextIntlClientProvider messages={messages}>
      <RoleShell roles={[Role.PATIENT]}>{children}</RoleShell>
    </NextIntlClientProvider>
  );
}
