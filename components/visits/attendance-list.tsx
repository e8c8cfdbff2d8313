import { ParticipantRole } from "@/generated/prisma/enums";
import type { GuestRelationship } from "@/generated/prisma/enums";
import { formatTime, fullName } from "@/lib/format";
import { GUEST_RELATIONSHIP_LABELS } from "@/lib/guests/types";

export type AttendanceItem = {
  id: string;
  role: ParticipantRole;
  displayName: string | null;
  zoomUserId: string | null;
  waitingRoomJoinedAt: Date | null;
  joinedAt: Date | null;
  leftAt: Date | null;
  user: { firstName: string; lastName: string } | null;
  /** The guest this stay belongs to (role GUEST), shown under their relationship. */
  guest: { name: string; relationship: GuestRelationship } | null;
};

const ROLES: Record<ParticipantRole, string> = {
  [ParticipantRole.PROVIDER]: "Provider",
  [ParticipantRole.PATIENT]: "Patient",
  [ParticipantRole.STAFF]: "Staff",
  [ParticipantRole.GUEST]: "Guest",
  // Someone we did not send (or could not match): say so, rather than guess a role.
  [ParticipantRole.UNKNOWN]: "Not identified",
};

function minutesBetween(from: Date | null, to: Date | null): string | null {
  if (!from || !to) return null;
  const minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  return `${minutes} min`;
}

function personOf(item: AttendanceItem): string {
  if (item.guest)
    return `${item.guest.name} · ${GUEST_RELATIONSHIP_LABELS[item.guest.relationship]}`;
  const name = item.user ? fullName(item.user) : (item.displayName ?? "Unknown");
  return `${name} · ${ROLES[item.role]}`;
}

/** Who attended: person, role, Zoom user id, times and how long they waited. */
export function AttendanceList({ items, timeZone }: { items: AttendanceItem[]; timeZone: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">Nobody has joined yet.</p>;
  const time = (date: Date | null) => (date ? formatTime(date, timeZone) : "—");
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Attendance</caption>
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            Person
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Zoom user
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Joined
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Left
          </th>
          <th scope="col" className="py-1 font-medium">
            Waited
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td className="py-1 pr-3">{personOf(item)}</td>
            <td className="py-1 pr-3 font-mono text-xs">{item.zoomUserId ?? "—"}</td>
            <td className="py-1 pr-3">{time(item.joinedAt)}</td>
            <td className="py-1 pr-3">{time(item.leftAt)}</td>
            <td className="py-1">
              {minutesBetween(item.waitingRoomJoinedAt, item.joinedAt) ?? "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
