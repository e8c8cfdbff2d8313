import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { ServiceWorkerRegistration } from "@/components/pwa/service-worker-registration";
import { THEME_COLOR } from "@/lib/pwa/web-manifest";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "CareVisit", template: "%s · CareVisit" },
  description: "Telehealth video visits for your clinic",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: THEME_COLOR,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that Next.js can put the request's CSP nonce on its
  // scripts (proxy.ts); a page prerendered at build time would carry none and not run.
  await connection();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("Common")]);
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        {children}
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
