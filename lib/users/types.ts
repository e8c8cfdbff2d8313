import type { Role, VideoUserIdSource } from "@/generated/prisma/enums";

/** One row of the admin's Users page: plain data, safe to hand to a client component. */
export type UserListItem = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  isActive: boolean;
  videoConferenceUserId: string | null;
  videoConferenceUserIdSource: VideoUserIdSource | null;
  /** The patient's subject record number, when the account is linked to one. */
  subjectRecordNumber: string | null;
};

export type UserListPage = {
  users: UserListItem[];
  total: number;
  page: number;
  pageCount: number;
};

/** What a user-management use case returns: the changed user, for the success message. */
export type ManagedUser = {
  id: string;
  firstName: string;
  lastName: string;
  role: Role;
  isActive: boolean;
};
