import { RevokeGuestButton } from "@/components/guests/revoke-guest-button";
import type { ActionState } from "@/lib/action-state";
import { formatTime } from "@/lib/format";
import {
  GUEST_RELATIONSHIP_LABELS,
  type GuestLinkStatus,
  type VisitGuestView,
} from "@/lib/guests/types";

type GuestListProps = {
  guests: VisitGuestView[];
  timeZone: string;
  revoke: (previous: ActionState, formData: FormData) => Promise<ActionState>;
};

function statusText(status: GuestLinkStatus, timeZone: string): string {
  switch (status.kind) {
    case "not_used":
      return "Not used yet";
    case "joined":
      return `Joined at ${formatTime(status.at, timeZone)}`;
    case "expired":
      return "Expired";
    case "revoked":
      return `Revoked at ${formatTime(status.at, timeZone)}`;
  }
}

/** The visit's guests: who, what became of their link, and Revoke while it still works. */
export function GuestList({ guests, timeZone, revoke }: GuestListProps) {
  if (guests.length === 0) return null;
  return (
    <section aria-label="Guests" className="mt-3">
      <h4 className="text-sm font-semibold text-slate-800">Guests</h4>
      <ul className="mt-1 flex flex-col gap-2 text-sm">
        {guests.map((guest) => (
          <li key={guest.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>
              {guest.name} · {GUEST_RELATIONSHIP_LABELS[guest.relationship]}
            </span>
            <span className="text-slate-700">{statusText(guest.status, timeZone)}</span>
            {guest.status.kind === "not_used" || guest.status.kind === "joined" ? (
              <RevokeGuestButton guestId={guest.id} guestName={guest.name} action={revoke} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
