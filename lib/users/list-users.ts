import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { assertAdmin } from "@/lib/users/managed-user";
import { type ListUsersQuery, USERS_PAGE_SIZE } from "@/lib/users/schemas";
import type { UserListPage } from "@/lib/users/types";

export type ListUsersOptions = { viewer: Viewer; query: ListUsersQuery };

const userListSelect = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  role: true,
  isActive: true,
  videoConferenceUserId: true,
  videoConferenceUserIdSource: true,
  subject: { select: { recordNumber: true } },
} satisfies Prisma.UserSelect;

/** The organization's users (staff and patients), by name, a page at a time. */
export async function listUsers({ viewer, query }: ListUsersOptions): Promise<UserListPage> {
  assertAdmin(viewer);
  const where = {
    organizationId: viewer.organizationId,
    ...(query.role ? { role: query.role } : {}),
  } satisfies Prisma.UserWhereInput;
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.user.findMany({
    where,
    select: userListSelect,
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
  });
  const users = rows.map(({ subject, ...user }) => ({
    ...user,
    subjectRecordNumber: subject?.recordNumber ?? null,
  }));
  return { users, total, page, pageCount };
}
