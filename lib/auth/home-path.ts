import { Role } from "@/generated/prisma/enums";

const HOME_PATHS: Record<Role, string> = {
  [Role.CARE_TEAM]: "/today",
  [Role.PATIENT]: "/visits",
  [Role.ADMIN]: "/today",
};

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  return HOME_PATHS[role];
}
