import "server-only";

import { AppError } from "@/lib/errors";
import type { GuestByToken } from "@/lib/guests/find-guest-by-token";
import { db } from "@/lib/db/db";
import { getTelehealthBaseUrl } from "@/lib/telehealth/addresses";
import { findTelehealthJoinConfig } from "@/lib/telehealth/find-telehealth-config";
import {
  buildTelehealthJoinUrl,
  TELEHEALTH_USER_TYPE,
  telehealthGuestUserId,
} from "@/lib/telehealth/join-url";
import { errorFields, log } from "@/lib/log";
import { openMeetingUrl } from "@/lib/visits/meeting-record";
import { ensureVisitRegistrant } from "@/lib/visits/registrants/ensure-visit-registrant";

/**
 * Where a guest's Join goes: the clinic's telehealth launch URL (with the guest's own `userid`),
 * or the guest's own Zoom registrant link, so that Zoom's webhooks name the guest (registrant_id);
 * the meeting's shared join URL if Zoom refuses the registration, so that nobody is locked out.
 */
export async function buildGuestJoinUrl(guest: GuestByToken): Promise<{
  url: string;
  mode: "zoom" | "telehealth";
}> {
  const telehealth = await findTelehealthJoinConfig(guest.organizationId);
  if (telehealth) {
    // The guest's own `userid`, so that the join/leave notifications name this guest.
    // @see docs/protocols/telehealth-urls.md#launch-url-and-plaintext
    const url = buildTelehealthJoinUrl({
      baseUrl: getTelehealthBaseUrl(),
      apiKey: telehealth.apiKey,
      apiSecret: telehealth.apiSecret,
      userType: TELEHEALTH_USER_TYPE.PARTICIPANT,
      sessionId: guest.visitId,
      userId: telehealthGuestUserId(guest.id),
      identity: telehealth.includeIdentity ? { firstName: guest.name, lastName: "" } : null,
    });
    return { url, mode: "telehealth" };
  }
  const visit = await db.visit.findUniqueOrThrow({
    where: { id: guest.visitId },
    select: { zoomMeetingId: true, zoomJoinUrl: true },
  });
  if (visit.zoomMeetingId === null || !visit.zoomJoinUrl)
    throw new AppError("conflict", "This visit has no video meeting yet");
  const sharedUrl = openMeetingUrl(visit.zoomJoinUrl, guest.visitId, "zoomJoinUrl");
  try {
    const { joinUrl } = await ensureVisitRegistrant({
      visit: {
        id: guest.visitId,
        organizationId: guest.organizationId,
        zoomMeetingId: visit.zoomMeetingId,
      },
      person: { guestId: guest.id, firstName: guest.name, lastName: "" },
    });
    return { url: joinUrl, mode: "zoom" };
  } catch (error) {
    log.warn("guests.registrant_link_failed", {
      guestId: guest.id,
      visitId: guest.visitId,
      ...errorFields(error),
    });
    return { url: sharedUrl, mode: "zoom" };
  }
}
