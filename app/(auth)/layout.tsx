import type { ReactNode } from "react";

import { ClearOfflineData } from "@/components/pwa/clear-offline-data";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <p className="mb-6 flex items-center justify-center gap-2 text-xl font-bold text-blue-800">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 2 kB SVG needs no optimiser */}
          <img src="/icons/mark.svg" alt="" width={32} height={32} />
          CareVisit
        </p>
        <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
        <ClearOfflineData />
      </div>
    </main>
  );
}
