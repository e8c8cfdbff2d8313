import { buttonClasses } from "@/components/ui/button";
import { Role } from "@/generated/prisma/enums";

import { SelectField } from "@/components/ui/select-field";

/** The role filter, kept in the URL (a plain GET form). */
export function UserRoleFilter({ role }: { role: Role | undefined }) {
  return (
    <form method="get" action="/users" className="mb-4 flex flex-wrap items-end gap-3">
      <SelectField id="users-role" name="role" label="Show" defaultValue={role ?? ""}>
        <option value="">Everyone</option>
        <option value={Role.ADMIN}>Administrators</option>
        <option value={Role.CARE_TEAM}>Care team members</option>
        <option value={Role.PATIENT}>Patients</option>
      </SelectField>
      <button type="submit" className={buttonClasses("secondary")}>
        Filter
      </button>
    </form>
  );
}
