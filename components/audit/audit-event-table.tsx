import { Role } from "@/generated/prisma/enums";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import type { AuditEventItem } from "@/lib/audit/types";
import { formatDateTime } from "@/lib/format";

const ROLE_WORDS: Record<Role, string> = {
  [Role.ADMIN]: "Administrator",
  [Role.CARE_TEAM]: "Care team",
  [Role.PATIENT]: "Patient",
};

/** The audit trail in words: when, who, what, which record and subject, from where. Read-only. */
export function AuditEventTable({
  events,
  timeZone,
}: {
  events: AuditEventItem[];
  timeZone: string;
}) {
  if (events.length === 0) return <p className="text-slate-700">No audit events match.</p>;
  return (
    <Table caption="Audit events, newest first">
      <TableHead>
        <Th>When</Th>
        <Th>Who</Th>
        <Th>Action</Th>
        <Th>Record</Th>
        <Th>Subject</Th>
        <Th>IP address</Th>
        <Th>Details</Th>
      </TableHead>
      <TableBody>
        {events.map((event) => (
          <tr key={event.id}>
            <Td className="whitespace-nowrap">
              <time dateTime={event.occurredAt.toISOString()}>
                {formatDateTime(event.occurredAt, timeZone)}
              </time>
            </Td>
            <Td>
              {event.actor ? (
                <>
                  {event.actor.name}
                  <span className="block text-xs text-slate-600">{event.actor.email}</span>
                </>
              ) : (
                <span className="text-slate-600">
                  {event.actorRole ? ROLE_WORDS[event.actorRole] : "System"}
                </span>
              )}
            </Td>
            <Td>
              <span title={event.action}>{event.actionLabel}</span>
            </Td>
            <Td className="text-xs">
              {event.targetLabel}
              {event.targetId ? (
                <span className="block font-mono break-all text-slate-600">{event.targetId}</span>
              ) : null}
            </Td>
            <Td className="font-mono text-xs">{event.subject?.recordNumber ?? "—"}</Td>
            <Td className="font-mono text-xs">{event.ip ?? "—"}</Td>
            <Td className="max-w-xs text-xs text-slate-700">{event.details ?? "—"}</Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
