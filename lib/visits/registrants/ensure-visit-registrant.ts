import "server-only";

import { v7 as uuidv7 } from "uuid";

import { decryptSecret, encryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { ZoomConnectionRef } from "@/lib/zoom/api/request";
import {
  addZoomMeetingRegistrant,
  enableZoomMeetingRegistration,
  isRegistrationNotEnabled,
  type ZoomRegistrant,
  type ZoomRegistrantInput,
} from "@/lib/zoom/api/registrants";
import { getActiveZoomConnection } from "@/lib/zoom/connection";

/**
 * Who is registered: one of our users or one of the visit's guests, with the name the provider
 * should see in the meeting.
 */
export type RegistrantPerson =
  | { userId: string; firstName: string; lastName: string }
  | { guestId: string; firstName: string; lastName: string };

export type EnsureVisitRegistrantOptions = {
  /** The visit and the meeting it has now (a recreated meeting needs new registrations). */
  visit: { id: string; organizationId: string; zoomMeetingId: bigint };
  person: RegistrantPerson;
};

export type VisitRegistrantLink = { joinUrl: string; zoomRegistrantId: string };

/** Where Zoom would email a registrant, if it emailed: nobody's mailbox (docs/decisions/038). */
export const REGISTRANT_EMAIL_DOMAIN = "registrants.carevisit.invalid";

function personWhere(person: RegistrantPerson) {
  return "userId" in person ? { userId: person.userId } : { guestId: person.guestId };
}

/**
 * A synthetic address, one per person: Zoom never learns the patient's email, and a retried
 * registration names the same address, which Zoom answers with the same registrant.
 */
export function registrantEmail(person: RegistrantPerson): string {
  const who = "userId" in person ? `user-${person.userId}` : `guest-${person.guestId}`;
  return `${who}@${REGISTRANT_EMAIL_DOMAIN}`;
}

async function findStored(
  visit: EnsureVisitRegistrantOptions["visit"],
  person: RegistrantPerson,
): Promise<VisitRegistrantLink | null> {
  const row = await db.visitRegistrant.findFirst({
    where: { visitId: visit.id, zoomMeetingId: visit.zoomMeetingId, ...personWhere(person) },
    select: { id: true, joinUrl: true, zoomRegistrantId: true },
  });
  if (!row) return null;
  return {
    joinUrl: decryptSecret(row.joinUrl, sealedFields.visitRegistrantJoinUrl(row.id)),
    zoomRegistrantId: row.zoomRegistrantId,
  };
}

/**
 * Registers the person; a meeting created before registration was on (approval_type 2) is patched
 * once and asked again. @see docs/protocols/zoom-rest.md#registrants
 */
async function register(
  connection: ZoomConnectionRef,
  zoomMeetingId: bigint,
  input: ZoomRegistrantInput,
): Promise<ZoomRegistrant> {
  try {
    return await addZoomMeetingRegistrant(connection, zoomMeetingId, input);
  } catch (error) {
    if (!isRegistrationNotEnabled(error)) throw error;
    log.info("visits.registration_enabled", { zoomMeetingId: String(zoomMeetingId) });
    await enableZoomMeetingRegistration(connection, zoomMeetingId);
    return addZoomMeetingRegistrant(connection, zoomMeetingId, input);
  }
}

/**
 * The person's own join link for the visit's meeting: the stored one, else a new Zoom registrant,
 * stored encrypted. Two calls at once (two tabs) end with one row: the unique constraints decide,
 * and both read the winner.
 */
export async function ensureVisitRegistrant({
  visit,
  person,
}: EnsureVisitRegistrantOptions): Promise<VisitRegistrantLink> {
  const stored = await findStored(visit, person);
  if (stored) return stored;
  const connection = await getActiveZoomConnection(visit.organizationId);
  const registrant = await register(connection, visit.zoomMeetingId, {
    email: registrantEmail(person),
    first_name: person.firstName.slice(0, 64),
    last_name: person.lastName.slice(0, 64),
    auto_approve: true,
  });
  const id = uuidv7();
  await db.visitRegistrant.createMany({
    data: {
      id,
      visitId: visit.id,
      zoomMeetingId: visit.zoomMeetingId,
      ...personWhere(person),
      zoomRegistrantId: registrant.registrant_id,
      joinUrl: encryptSecret(registrant.join_url, sealedFields.visitRegistrantJoinUrl(id)),
    },
    skipDuplicates: true, // INSERT … ON CONFLICT DO NOTHING: a concurrent call may have won
  });
  const winner = await findStored(visit, person);
  if (!winner) throw new AppError("internal", "Visit registrant not found after insert");
  return winner;
}
