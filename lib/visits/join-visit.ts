import "server-only";

import { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { isConsentNeeded, readConsentStatus } from "@/lib/consent/consent-status";
import { AppError, isAppError } from "@/lib/errors";
import { formatTime } from "@/lib/format";
import { errorFields, log } from "@/lib/log";
import { getTelehealthBaseUrl } from "@/lib/telehealth/addresses";
import { findTelehealthJoinConfig } from "@/lib/telehealth/find-telehealth-config";
import { buildTelehealthJoinUrl, TELEHEALTH_USER_TYPE } from "@/lib/telehealth/join-url";
import type { TelehealthJoinConfig } from "@/lib/telehealth/types";
import { ensureVisitMeeting } from "@/lib/visits/ensure-visit-meeting";
import { visitTimingSelect } from "@/lib/visits/managed-visit";
import { openMeetingUrl } from "@/lib/visits/meeting-record";
import {
  type ParticipantLink,
  participantJoinUrl,
} from "@/lib/visits/registrants/participant-join-url";
import { deriveVisitPhase, isClosedPhase, joinOpensAt } from "@/lib/visits/visit-phase";
import { visitsVisibleTo } from "@/lib/visits/visibility";
import { getZoomMeeting } from "@/lib/zoom/api/meetings";
import { findActiveZoomConnection } from "@/lib/zoom/connection";

export type JoinVisitOptions = { viewer: Viewer; visitId: string; now?: Date };

/** Why a join is refused, for the page to explain. */
export type JoinRefusal =
  "not_yet" | "over" | "cancelled" | "no_meeting" | "zoom_unavailable" | "consent_needed";

function joinRefusal(reason: JoinRefusal, message: string): AppError {
  return new AppError("conflict", message, { userMessage: message, fields: { join: [reason] } });
}

/**
 * Zoom's start URL carries a host token that expires after about two hours: ask Zoom for a fresh
 * one, and fall back to the stored one if Zoom cannot answer.
 * @see docs/protocols/zoom-rest.md#meetings
 */
async function freshStartUrl(
  organizationId: string,
  visit: { id: string; zoomMeetingId: bigint; zoomStartUrl: string | null },
): Promise<string | null> {
  const connection = await findActiveZoomConnection(organizationId);
  if (connection) {
    try {
      return (await getZoomMeeting(connection, visit.zoomMeetingId)).start_url;
    } catch (error) {
      log.warn("visits.fresh_start_url_failed", errorFields(error));
    }
  }
  return visit.zoomStartUrl ? openMeetingUrl(visit.zoomStartUrl, visit.id, "zoomStartUrl") : null;
}

/** The meeting of a visit that has none yet; Zoom being unlinked or broken is a refusal the page explains. */
async function createMissingMeeting(
  visit: Parameters<typeof ensureVisitMeeting>[0],
  viewer: Viewer,
  now: Date,
) {
  try {
    return await ensureVisitMeeting(visit, viewer, now);
  } catch (error) {
    if (!isAppError(error, "conflict")) throw error;
    throw joinRefusal("zoom_unavailable", error.publicMessage);
  }
}

/**
 * Where "Join Meeting" goes: the host's start URL for the visit's provider, the join URL for other
 * staff and for the patient (from 15 minutes before the start). Audited.
 */
export async function getJoinUrl({
  viewer,
  visitId,
  now = new Date(),
}: JoinVisitOptions): Promise<string> {
  const visit = await db.visit.findFirst({
    where: { AND: [{ id: visitId }, visitsVisibleTo(viewer)] },
    select: { ...visitTimingSelect, zoomJoinUrl: true, zoomStartUrl: true },
  });
  if (!visit) throw new AppError("not_found", "Visit not found");
  const phase = deriveVisitPhase(visit, now);
  if (phase === "cancelled") throw joinRefusal("cancelled", "This visit was cancelled.");
  const isPast = isClosedPhase(phase);
  const isPatient = viewer.role === Role.PATIENT;
  if (isPatient && isPast) throw joinRefusal("over", "This visit is over.");
  if (isPatient && now < joinOpensAt(visit)) {
    throw joinRefusal(
      "not_yet",
      `You can join from ${formatTime(joinOpensAt(visit), viewer.timeZone)}, 15 minutes before the visit.`,
    );
  }
  // Before a first video visit, and after the clinic changes its text, the patient signs again.
  if (
    isPatient &&
    isConsentNeeded(await readConsentStatus(db, viewer.organizationId, visit.subjectId))
  )
    throw joinRefusal(
      "consent_needed",
      "Please read and sign the telehealth consent before you join.",
    );
  const isHost = visit.providerId === viewer.id;
  const telehealth = await findTelehealthJoinConfig(viewer.organizationId);
  const { url, link } = telehealth
    ? { url: telehealthLaunchUrl(telehealth, viewer, { visitId: visit.id, isHost }), link: null }
    : await zoomUrl(visit, viewer, { isHost, isPast, now });
  await recordAudit(db, {
    actor: viewer,
    action: "visit.join",
    targetType: "visit",
    targetId: visit.id,
    subjectId: visit.subjectId,
    details: { asHost: isHost, mode: telehealth ? "telehealth" : "zoom", ...(link && { link }) },
  });
  return url;
}

/**
 * Zoom's own link: the host's (fresh) start URL, or the person's registrant link (the shared join
 * URL if registering fails); the meeting is created if missing.
 */
async function zoomUrl(
  visit: Parameters<typeof ensureVisitMeeting>[0] & {
    zoomMeetingId: bigint | null;
    zoomJoinUrl: string | null;
    zoomStartUrl: string | null;
  },
  viewer: Viewer,
  { isHost, isPast, now }: { isHost: boolean; isPast: boolean; now: Date },
): Promise<{ url: string; link: ParticipantLink | "start_url" }> {
  const meeting =
    visit.zoomMeetingId === null && !isPast
      ? await createMissingMeeting(visit, viewer, now)
      : visit;
  if (meeting.zoomMeetingId === null || !meeting.zoomJoinUrl)
    throw joinRefusal("no_meeting", "This visit has no video meeting.");
  const joinUrl = meeting.zoomJoinUrl;
  if (!isHost) {
    return participantJoinUrl({ id: visit.id, zoomMeetingId: meeting.zoomMeetingId }, viewer, () =>
      openMeetingUrl(joinUrl, visit.id, "zoomJoinUrl"),
    );
  }
  const url = await freshStartUrl(viewer.organizationId, {
    id: visit.id,
    zoomMeetingId: meeting.zoomMeetingId,
    zoomStartUrl: meeting.zoomStartUrl,
  });
  if (!url) throw joinRefusal("no_meeting", "This visit has no video meeting.");
  return { url, link: "start_url" };
}

/**
 * The EMR-style encrypted launch URL: the visit is the session, the viewer the user (usertype 1,
 * the host, for the visit's provider only; 2, a participant, for the patient and other staff);
 * names and email only when the privacy switch allows.
 * @see docs/protocols/telehealth-urls.md#launch-url-and-plaintext
 */
function telehealthLaunchUrl(
  config: TelehealthJoinConfig,
  viewer: Viewer,
  { visitId, isHost }: { visitId: string; isHost: boolean },
): string {
  return buildTelehealthJoinUrl({
    baseUrl: getTelehealthBaseUrl(),
    apiKey: config.apiKey,
    apiSecret: config.apiSecret,
    userType: isHost ? TELEHEALTH_USER_TYPE.PROVIDER : TELEHEALTH_USER_TYPE.PARTICIPANT,
    sessionId: visitId,
    userId: viewer.id,
    identity: config.includeIdentity
      ? { firstName: viewer.firstName, lastName: viewer.lastName, email: viewer.email }
      : null,
  });
}
