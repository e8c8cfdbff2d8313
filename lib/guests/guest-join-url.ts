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
import { openMeetingUrl } from "@/lib/visits/meeting-record";

/** Where a guest's Join goes: the clinic's telehealth launch URL, or the visit's Zoom meeting. */
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
  return { url: openMeetingUrl(visit.zoomJoinUrl, guest.visitId, "zoomJoinUrl"), mode: "zoom" };
}
