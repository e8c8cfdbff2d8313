import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

import { Role } from "@/generated/prisma/enums";

import { RoleShell } from "../_shell/app-shell";

// The patient's pages are translated (decision 033): their client components read the catalog.
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider>
      <RoleShell roles={[Role.PATIENT]}>{children}</RoleShell>
    </NextIntlClientProvider>
  );
}
