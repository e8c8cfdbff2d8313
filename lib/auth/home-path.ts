import { Role } from "@/generated/prisma/enums";

const HOME_PATHS: Record<Role, string> = {
  [Role.CARE_TEAM]: "/subjects",
  [Role.PATIENT]: "/visits",
  [Role.ADMIN]: "/settings",
};

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  return HOME_PATHS[role];
}
