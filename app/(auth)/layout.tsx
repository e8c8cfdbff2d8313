import { NextIntlClientProvider, useMessages, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { LanguageSwitch } from "@/components/i18n/language-switch";
import { ClearOfflineData } from "@/components/pwa/clear-offline-data";
import { AUTH_CLIENT_NAMESPACES, pickNamespaces } from "@/lib/i18n/client-messages";

import { setLocaleAction } from "../_shell/locale-actions";

export default function AuthLayout({ children }: { children: ReactNode }) {
  const t = useTranslations("Common");
  // The forms' namespaces only: the rest of the catalog stays on the server.
  const messages = pickNamespaces(useMessages(), AUTH_CLIENT_NAMESPACES);
  return (
    <NextIntlClientProvider messages={messages}>
      <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
        <div className="w-full max-w-md">
          <LanguageSwitch action={setLocaleAction} className="mb-4 justify-end" />
          <p className="mb-6 flex items-center justify-center gap-2 text-xl font-bold text-blue-800">
            {/* eslint-disable-next-line @next/next/no-img-element -- a 2 kB SVG needs no optimiser */}
            <img src="/icons/mark.svg" alt="" width={32} height={32} />
            {t("appName")}
          </p>
          <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
            {children}
          </div>
          <ClearOfflineData />
        </div>
      </main>
    </NextIntlClientProvider>
  );
}
