import { ParticipantRole, Role } from "@/generated/prisma/enums";
import { sha256Hex } from "@/lib/crypto/hmac";
import type {
  IdentifiedParticipant,
  ParticipantClues,
  ParticipantToIdentify,
} from "@/lib/visits/attendance/identify-participant";
import type {
  CandidateUserRow,
  RegistrantRow,
} from "@/lib/visits/attendance/identify-participant.sql";

// The decision of identifyParticipants, once the candidate users and registrants are read: the
// person we registered first (a guest, or a user), then our user id, then the Zoom user id (the
// meeting's host is the visit's provider), then the email; the role follows from who the user is
// to the visit. Pure: no I/O.

/** The visits' registrants, by visit and Zoom registrant id. */
export type Registrants = Map<string, RegistrantRow>;
export const registrantKey = (visitId: string, zoomRegistrantId: string) =>
  `${visitId}|${zoomRegistrantId}`;

/** The users a batch of participants may be, indexed the three ways a participant is matched. */
export type CandidateUsers = {
  byId: Map<string, CandidateUserRow>;
  byZoomUserId: Map<string, CandidateUserRow>;
  byEmail: Map<string, CandidateUserRow>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ourUserIdOf = (clues: ParticipantClues) =>
  clues.ourUserId && UUID.test(clues.ourUserId) ? clues.ourUserId.toLowerCase() : null;
export const emailOf = (clues: ParticipantClues) => clues.email?.toLowerCase() || null;
const inOrganization = (organizationId: string, value: string) => `${organizationId}|${value}`;

export function indexCandidateUsers(rows: CandidateUserRow[]): CandidateUsers {
  const users: CandidateUsers = { byId: new Map(), byZoomUserId: new Map(), byEmail: new Map() };
  for (const user of rows) {
    users.byId.set(inOrganization(user.organizationId, user.id), user);
    users.byEmail.set(inOrganization(user.organizationId, user.email), user);
    if (user.videoConferenceUserId)
      users.byZoomUserId.set(inOrganization(user.organizationId, user.videoConferenceUserId), user);
  }
  return users;
}

function findUser(
  { visit, clues }: ParticipantToIdentify,
  users: CandidateUsers,
  registrant: RegistrantRow | undefined,
): Pick<CandidateUserRow, "id" | "role"> | null {
  const inVisitOrganization = (value: string) => inOrganization(visit.organizationId, value);
  const registered = registrant?.userId
    ? users.byId.get(inVisitOrganization(registrant.userId))
    : undefined;
  if (registered) return registered;
  const ourUserId = ourUserIdOf(clues);
  const byId = ourUserId ? users.byId.get(inVisitOrganization(ourUserId)) : undefined;
  if (byId) return byId;
  if (clues.zoomUserId) {
    if (clues.zoomUserId === visit.zoomHostId)
      return { id: visit.providerId, role: Role.CARE_TEAM };
    const byZoomUserId = users.byZoomUserId.get(inVisitOrganization(clues.zoomUserId));
    if (byZoomUserId) return byZoomUserId;
  }
  const email = emailOf(clues);
  return (email && users.byEmail.get(inVisitOrganization(email))) || null;
}

function keyFor(clues: ParticipantClues): string {
  if (clues.participantUuid) return `zoom-participant:${clues.participantUuid}`;
  if (clues.zoomUserId) return `zoom-user:${clues.zoomUserId}`;
  if (clues.email) return `email:${sha256Hex(clues.email.toLowerCase())}`;
  if (clues.fallbackKey) return clues.fallbackKey;
  return `zoom-join:${clues.joinId ?? "unknown"}`;
}

/** Who the participant is and in which role, from the clues and the candidate users. */
export function deriveParticipant(
  item: ParticipantToIdentify,
  users: CandidateUsers,
  registrants: Registrants = new Map(),
): IdentifiedParticipant {
  const { visit, clues } = item;
  const { subject } = visit;
  const registrant = clues.registrantId
    ? registrants.get(registrantKey(visit.id, clues.registrantId))
    : undefined;
  if (registrant?.guestId)
    return {
      participantKey: `guest:${registrant.guestId}`,
      role: ParticipantRole.GUEST,
      userId: null,
      guestId: registrant.guestId,
      zoomUserId: clues.zoomUserId || null,
      displayName: clues.displayName?.slice(0, 200) ?? null,
    };
  const user = findUser(item, users, registrant);
  const isSubjectsEmail = Boolean(
    clues.email && subject.email && clues.email.toLowerCase() === subject.email,
  );
  const role = !user
    ? isSubjectsEmail
      ? ParticipantRole.PATIENT
      : ParticipantRole.UNKNOWN
    : user.id === visit.providerId
      ? ParticipantRole.PROVIDER
      : user.id === subject.userId
        ? ParticipantRole.PATIENT
        : user.role === Role.PATIENT
          ? ParticipantRole.UNKNOWN
          : ParticipantRole.STAFF;
  const userId = user?.id ?? (isSubjectsEmail ? (subject.userId ?? null) : null);
  return {
    participantKey: userId ? `user:${userId}` : keyFor(clues),
    role,
    userId,
    guestId: null,
    zoomUserId: clues.zoomUserId || null,
    displayName: clues.displayName?.slice(0, 200) ?? null,
  };
}
