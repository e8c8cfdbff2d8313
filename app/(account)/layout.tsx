import type { ReactNode } from "react";

import { Role } from "@/generated/prisma/enums";

import { RoleShell } from "../_shell/app-shell";

export default function Layout({ children }: { children: ReactNode }) {
  return <RoleShell roles={[Role.ADMIN, Role.CARE_TEAM, Role.PATIENT]}>{children}</RoleShell>;
}
