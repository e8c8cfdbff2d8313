import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { CreateStaffUserForm } from "@/components/users/create-staff-user-form";
import { UserRoleFilter } from "@/components/users/user-role-filter";
import { UserTable } from "@/components/users/user-table";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { listUsers } from "@/lib/users/list-users";
import { listUsersQuerySchema } from "@/lib/users/schemas";

import {
  changeUserRoleAction,
  createStaffUserAction,
  changeUserStatusAction,
  resetUserPasswordAction,
} from "./actions";

export const metadata: Metadata = { title: "Users" };

type UsersPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ACTIONS = {
  changeStatus: changeUserStatusAction,
  changeRole: changeUserRoleAction,
  resetPassword: resetUserPasswordAction,
};

function usersHref(role: Role | undefined, page: number): string {
  const query = new URLSearchParams();
  if (role) query.set("role", role);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return search ? `/users?${search}` : "/users";
}

export default async function UsersPage({ searchParams }: UsersPageProps) {
  const viewer = await requireRole(Role.ADMIN);
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const query = listUsersQuerySchema.parse({ role: first(raw.role), page: first(raw.page) });
  const { users, total, page, pageCount } = await listUsers({ viewer, query });
  return (
    <>
      <PageHeader
        title="Users"
        description="Staff and patients of your clinic: add staff, change roles, reset passwords, deactivate accounts."
      />
      <Card className="mb-6">
        <h2 className="mb-4 text-lg font-semibold">Add a staff member</h2>
        <CreateStaffUserForm action={createStaffUserAction} />
      </Card>
      <UserRoleFilter role={query.role} />
      {users.length === 0 ? (
        <p className="text-slate-700">No users match this filter.</p>
      ) : (
        <UserTable users={users} viewerId={viewer.id} actions={ACTIONS} />
      )}
      <nav aria-label="User pages" className="mt-4 flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-700">
          Page {page} of {pageCount} ({total} {total === 1 ? "user" : "users"})
        </p>
        {page > 1 ? (
          <Link href={usersHref(query.role, page - 1)} className={buttonClasses("secondary")}>
            Previous page
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={usersHref(query.role, page + 1)} className={buttonClasses("secondary")}>
            Next page
          </Link>
        ) : null}
      </nav>
    </>
  );
}
