import type { ReactNode } from "react";

import { cn } from "@/lib/utils";

type CardProps = { children: ReactNode; className?: string; as?: "section" | "div" | "article" };

export function Card({ children, className, as: Tag = "section" }: CardProps) {
  return (
    <Tag className={cn("rounded-lg border border-slate-200 bg-white p-6 shadow-sm", className)}>
      {children}
    </Tag>
  );
}
