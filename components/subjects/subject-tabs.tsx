"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/utils";

/** The subject's menu: Overview and Video Conferencing. */
export function SubjectTabs({ subjectId }: { subjectId: string }) {
  const pathname = usePathname();
  const tabs = [
    { href: `/subjects/${subjectId}`, label: "Overview" },
    { href: `/subjects/${subjectId}/video`, label: "Video Conferencing" },
  ];
  return (
    <nav aria-label="Subject" className="border-b border-slate-200">
      <ul className="-mb-px flex gap-2">
        {tabs.map((tab) => {
          const isCurrent = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-blue-700",
                  isCurrent
                    ? "border-blue-700 text-blue-800"
                    : "border-transparent text-slate-700 hover:border-slate-300",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
