import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { errorFields, log } from "@/lib/log";
import { ensureVisitRegistrant } from "@/lib/visits/registrants/ensure-visit-registrant";

/** Which link a join used: the person's own registrant link, or the meeting's shared one. */
export type ParticipantLink = "registrant" | "join_url";

/**
 * A participant's way into the visit's Zoom meeting (anyone but the host): their own registrant
 * link, so that Zoom's webhooks say who they are; the meeting's shared join URL if Zoom refuses or
 * fails, so that nobody is locked out (they are then matched by the older clues, docs/decisions/038).
 */
export async function participantJoinUrl(
  visit: { id: string; zoomMeetingId: bigint },
  viewer: Viewer,
  sharedJoinUrl: () => string,
): Promise<{ url: string; link: ParticipantLink }> {
  try {
    const { joinUrl } = await ensureVisitRegistrant({
      visit: { ...visit, organizationId: viewer.organizationId },
      person: { userId: viewer.id, firstName: viewer.firstName, lastName: viewer.lastName },
    });
    return { url: joinUrl, link: "registrant" };
  } catch (error) {
    log.warn("visits.registrant_link_failed", {
      visitId: visit.id,
      userId: viewer.id,
      zoomMeetingId: String(visit.zoomMeetingId),
      ...errorFields(error),
    });
    return { url: sharedJoinUrl(), link: "join_url" };
  }
}
