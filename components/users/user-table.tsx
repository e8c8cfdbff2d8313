import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { Role, type VideoUserIdSource } from "@/generated/prisma/enums";
import type { UserListItem } from "@/lib/users/types";

import { ResetPasswordForm } from "./reset-password-form";
import type { UserFormAction } from "./types";
import { UserActionForm } from "./user-action-form";

export type UserTableActions = {
  /** Deactivates or reactivates, by the form's `intent`. */
  changeStatus: UserFormAction;
  changeRole: UserFormAction;
  resetPassword: UserFormAction;
};

type UserTableProps = { users: UserListItem[]; viewerId: string; actions: UserTableActions };

export const ROLE_LABELS: Record<Role, { label: string; tone: BadgeTone }> = {
  [Role.ADMIN]: { label: "Administrator", tone: "blue" },
  [Role.CARE_TEAM]: { label: "Care team", tone: "green" },
  [Role.PATIENT]: { label: "Patient", tone: "neutral" },
};

const SOURCES: Record<VideoUserIdSource, string> = {
  MANUAL: "profile",
  EMAIL_MATCH: "email",
  CREATED: "created",
};

/** Staff: their Zoom mapping; patients: their subject record. */
function MappingCell({ user }: { user: UserListItem }) {
  if (user.role === Role.PATIENT)
    return user.subjectRecordNumber ? (
      <span>Record {user.subjectRecordNumber}</span>
    ) : (
      <span className="text-slate-700">No subject record</span>
    );
  if (!user.videoConferenceUserId || !user.videoConferenceUserIdSource)
    return <span className="text-slate-700">Not mapped</span>;
  return (
    <span>
      Linked: <span className="font-mono text-xs">{user.videoConferenceUserId}</span> (from{" "}
      {SOURCES[user.videoConferenceUserIdSource]})
    </span>
  );
}

function UserRowActions({
  user,
  isSelf,
  actions,
}: {
  user: UserListItem;
  isSelf: boolean;
  actions: UserTableActions;
}) {
  const name = `${user.firstName} ${user.lastName}`;
  const fields = { userId: user.id };
  const otherRole = user.role === Role.ADMIN ? Role.CARE_TEAM : Role.ADMIN;
  return (
    <details className="group">
      <summary
        className="cursor-pointer text-sm font-semibold text-blue-800 underline"
        aria-label={`Manage ${name}`}
      >
        Manage
      </summary>
      <div className="mt-3 flex min-w-64 flex-col gap-4">
        {isSelf ? (
          <p className="text-sm text-slate-700">
            This is you: another administrator can change your role or deactivate you.
          </p>
        ) : null}
        {!isSelf ? (
          <UserActionForm
            action={actions.changeStatus}
            fields={{ ...fields, intent: user.isActive ? "deactivate" : "reactivate" }}
            label={user.isActive ? "Deactivate" : "Reactivate"}
            accessibleLabel={`${user.isActive ? "Deactivate" : "Reactivate"} ${name}`}
            pendingLabel={user.isActive ? "Deactivating…" : "Reactivating…"}
            variant={user.isActive ? "danger" : "secondary"}
          />
        ) : null}
        {!isSelf && user.role !== Role.PATIENT ? (
          <UserActionForm
            action={actions.changeRole}
            fields={{ ...fields, role: otherRole }}
            label={otherRole === Role.ADMIN ? "Make administrator" : "Make care team member"}
            accessibleLabel={
              otherRole === Role.ADMIN
                ? `Make ${name} an administrator`
                : `Make ${name} a care team member`
            }
            pendingLabel="Changing role…"
          />
        ) : null}
        <ResetPasswordForm action={actions.resetPassword} userId={user.id} name={name} />
      </div>
    </details>
  );
}

export function UserTable({ users, viewerId, actions }: UserTableProps) {
  return (
    <Table caption="Users of the clinic">
      <TableHead>
        <Th>Name</Th>
        <Th>Email</Th>
        <Th>Role</Th>
        <Th>Status</Th>
        <Th>Zoom mapping or record</Th>
        <Th>Actions</Th>
      </TableHead>
      <TableBody>
        {users.map((user) => {
          const role = ROLE_LABELS[user.role];
          return (
            <tr key={user.id} className="align-top">
              <Td>
                {user.lastName}, {user.firstName}
              </Td>
              <Td>{user.email}</Td>
              <Td>
                <Badge tone={role.tone}>{role.label}</Badge>
              </Td>
              <Td>
                {user.isActive ? (
                  <Badge tone="green">Active</Badge>
                ) : (
                  <Badge tone="red">Deactivated</Badge>
                )}
              </Td>
              <Td>
                <MappingCell user={user} />
              </Td>
              <Td>
                <UserRowActions user={user} isSelf={user.id === viewerId} actions={actions} />
              </Td>
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
