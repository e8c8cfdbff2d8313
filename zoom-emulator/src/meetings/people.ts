import { newOpaqueToken, newParticipantUuid } from "../ids";
import { type MeetingInstance, type Participant } from "../state/meeting-schema";

// Who a person is in one meeting instance. `participant_uuid` stays the same when the same
// person comes back (matched by the ids an app can set: participant uuid, customer key,
// registrant id, Zoom user id), while the in-meeting `user_id` changes on every join.

export interface PersonInput {
  name: string;
  email?: string;
  zoomUserId?: string;
  customerKey?: string;
  registrantId?: string;
  participantUuid?: string;
  isHost?: boolean;
  telehealth?: { sessionId: string; userId: string } | null;
}

function isSamePerson(person: Participant, input: PersonInput): boolean {
  if (input.participantUuid) return person.participantUuid === input.participantUuid;
  if (input.customerKey) return person.customerKey === input.customerKey;
  if (input.registrantId) return person.registrantId === input.registrantId;
  if (input.zoomUserId) return person.zoomUserId === input.zoomUserId;
  return false;
}

export function findPerson(instance: MeetingInstance, input: PersonInput): Participant | null {
  return instance.participants.find((person) => isSamePerson(person, input)) ?? null;
}

// For control calls that name someone only by display name (admit "Pat").
export function findPresentPersonByName(
  instance: MeetingInstance,
  name: string,
): Participant | null {
  return (
    instance.participants.find((person) => person.name === name && person.place !== "left") ?? null
  );
}

export function findOrAddPerson(instance: MeetingInstance, input: PersonInput): Participant {
  const existing = findPerson(instance, input);
  if (existing) {
    existing.name = input.name;
    if (input.email !== undefined) existing.email = input.email;
    return existing;
  }
  const person: Participant = {
    participantUuid: input.participantUuid ?? newParticipantUuid(),
    sessionKey: newOpaqueToken(18),
    name: input.name,
    email: input.email ?? "",
    zoomUserId: input.zoomUserId ?? "",
    customerKey: input.customerKey ?? "",
    registrantId: input.registrantId ?? "",
    isHost: input.isHost ?? false,
    telehealth: input.telehealth ?? null,
    place: "left",
    userId: "",
    stints: [],
  };
  instance.participants.push(person);
  return person;
}
