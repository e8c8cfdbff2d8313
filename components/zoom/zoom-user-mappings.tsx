import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import type { Role, VideoUserIdSource } from "@/generated/prisma/enums";

export type ZoomUserMapping = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  videoConferenceUserId: string | null;
  videoConferenceUserIdSource: VideoUserIdSource | null;
};

const SOURCES: Record<VideoUserIdSource, { label: string; tone: BadgeTone }> = {
  MANUAL: { label: "Entered on profile", tone: "blue" },
  EMAIL_MATCH: { label: "Matched by email", tone: "green" },
  CREATED: { label: "Created in Zoom", tone: "green" },
};

export function ZoomUserMappings({ users, total }: { users: ZoomUserMapping[]; total: number }) {
  return (
    <>
      <Table caption="Zoom user mapping of care team members and administrators">
        <TableHead>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Video Conference User ID</Th>
          <Th>Mapping</Th>
        </TableHead>
        <TableBody>
          {users.map((user) => {
            const source = user.videoConferenceUserIdSource
              ? SOURCES[user.videoConferenceUserIdSource]
              : null;
            return (
              <tr key={user.id}>
                <Td>
                  {user.lastName}, {user.firstName}
                </Td>
                <Td>{user.email}</Td>
                <Td className="font-mono text-xs">{user.videoConferenceUserId ?? "—"}</Td>
                <Td>
                  {source && user.videoConferenceUserId ? (
                    <Badge tone={source.tone}>{source.label}</Badge>
                  ) : (
                    <span className="text-slate-700">
                      Not mapped yet: resolved at their first meeting
                    </span>
                  )}
                </Td>
              </tr>
            );
          })}
        </TableBody>
      </Table>
      {total > users.length ? (
        <p className="mt-2 text-sm text-slate-700">
          Showing {users.length} of {total} staff members.
        </p>
      ) : null}
    </>
  );
}
