import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { LanguageSwitch } from "@/components/i18n/language-switch";
import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { requireRole } from "@/lib/auth/viewer";
import { isZoomBroken } from "@/lib/zoom/connection";

import { signOutAction } from "./actions";
import { setLocaleAction } from "./locale-actions";
import { ZoomBrokenBanner } from "./zoom-broken-banner";

type NavItem = { href: string; label: string };

const NAV: Record<Role, NavItem[]> = {
  [Role.ADMIN]: [
    { href: "/today", label: "Today" },
    { href: "/settings", label: "Settings" },
    { href: "/users", label: "Users" },
    { href: "/settings/zoom", label: "Video conferencing" },
    { href: "/settings/telehealth", label: "Telehealth links" },
    { href: "/settings/consent", label: "Telehealth consent" },
    { href: "/subjects", label: "Subjects" },
    { href: "/reports", label: "Reports" },
    { href: "/audit", label: "Audit trail" },
    { href: "/settings/import", label: "Import subjects" },
  ],
  [Role.CARE_TEAM]: [
    { href: "/today", label: "Today" },
    { href: "/subjects", label: "Subjects" },
  ],
  // The patient's side is translated (decision 033): its words come from the catalogs.
  [Role.PATIENT]: [],
};

const ROLE_LABELS: Record<Role, string> = {
  [Role.ADMIN]: "Administrator",
  [Role.CARE_TEAM]: "Care team",
  [Role.PATIENT]: "",
};

async function AppShell({
  viewer,
  banner,
  children,
}: {
  viewer: Viewer;
  banner: ReactNode;
  children: ReactNode;
}) {
  const [t, tCommon] = await Promise.all([getTranslations("Shell"), getTranslations("Common")]);
  const isPatient = viewer.role === Role.PATIENT;
  const nav = isPatient ? [{ href: "/visits", label: t("myVisits") }] : NAV[viewer.role];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-6">
            <Link
              href="/"
              className="flex min-h-11 items-center gap-2 text-lg font-bold text-blue-800"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- a 2 kB SVG needs no optimiser */}
              <img src="/icons/mark.svg" alt="" width={28} height={28} />
              {tCommon("appName")}
            </Link>
            <nav aria-label={t("main")}>
              <ul className="flex gap-1">
                {nav.map((item) => (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      className="inline-flex min-h-11 items-center rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
                    >
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {isPatient ? <LanguageSwitch action={setLocaleAction} /> : null}
            <Link
              href="/profile"
              className="inline-flex min-h-11 items-center gap-1 rounded-md px-2 py-2 text-slate-700 hover:bg-slate-100"
            >
              <span className="font-medium text-slate-900">
                {viewer.firstName} {viewer.lastName}
              </span>{" "}
              · {isPatient ? t("patient") : ROLE_LABELS[viewer.role]}
            </Link>
            <form action={signOutAction}>
              <button
                type="submit"
                className="inline-flex min-h-11 items-center rounded-md px-3 py-2 font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700"
              >
                {t("signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {banner}
        {children}
      </main>
    </div>
  );
}

/** The signed-in frame for a route group: checks the role (others see "not found"), then draws the shell. */
export async function RoleShell({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const viewer = await requireRole(...roles);
  const needsZoom = viewer.role === Role.ADMIN && (await isZoomBroken(viewer.organizationId));
  return (
    <AppShell viewer={viewer} banner={needsZoom ? <ZoomBrokenBanner /> : null}>
      {children}
    </AppShell>
  );
}
