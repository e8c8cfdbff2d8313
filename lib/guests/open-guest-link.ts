import "server-only";

import { findGuestByToken } from "@/lib/guests/find-guest-by-token";
import { deriveGuestLinkState, type GuestLinkState } from "@/lib/guests/guest-link-state";
import { hashGuestSecret } from "@/lib/guests/guest-token";
import { type Locale, DEFAULT_LOCALE } from "@/lib/i18n/constants";
import { parseLocale } from "@/lib/i18n/negotiate-locale";

export type GuestLinkPage =
  | { kind: "unknown" }
  | {
      kind: "found";
      state: GuestLinkState;
      locale: Locale;
      clinicName: string;
      scheduledStart: Date;
      timeZone: string;
    };

/**
 * What the guest's page shows when the link is opened: as little as possible (the clinic, the
 * time, whether the link works here). Opening changes nothing (mail scanners open links too):
 * the Join button claims the link. `claimSecret` is this browser's claim cookie, if any.
 */
export async function openGuestLink({
  token,
  claimSecret,
  now = new Date(),
}: {
  token: string;
  claimSecret: string | null;
  now?: Date;
}): Promise<GuestLinkPage> {
  const guest = await findGuestByToken(token);
  if (!guest) return { kind: "unknown" };
  const browserClaim = claimSecret ? hashGuestSecret(claimSecret) : null;
  return {
    kind: "found",
    state: deriveGuestLinkState(guest, browserClaim, now),
    locale: parseLocale(guest.locale) ?? DEFAULT_LOCALE,
    clinicName: guest.visit.organization.name,
    scheduledStart: guest.visit.scheduledStart,
    timeZone: guest.visit.organization.timeZone,
  };
}
