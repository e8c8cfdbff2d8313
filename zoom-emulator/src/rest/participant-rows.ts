import { type MeetingInstance, type Participant, type Stint } from "../state/meeting-schema";
import { formatZoomTime } from "../zoom-time";

// One row per stay (a person who leaves and rejoins has two rows), as in Zoom's reports.
// Field names from Rivet's past-meeting and report participant types
// (zoom-rest.md#participant-reports).

export interface ParticipantRow {
  person: Participant;
  stint: Stint;
}

export function listParticipantRows(instance: MeetingInstance): ParticipantRow[] {
  return instance.participants
    .flatMap((person) => person.stints.map((stint) => ({ person, stint })))
    .sort((left, right) => left.stint.from - right.stint.from);
}

function timing(stint: Stint, now: number) {
  const end = stint.to ?? now;
  return {
    join_time: formatZoomTime(stint.from),
    leave_time: formatZoomTime(end),
    duration: Math.max(0, Math.round((end - stint.from) / 1000)),
  };
}

function status(stint: Stint) {
  return stint.place === "meeting" ? "in_meeting" : "in_waiting_room";
}

export function buildPastParticipant({ person, stint }: ParticipantRow, now: number) {
  return {
    id: person.zoomUserId,
    name: person.name,
    user_id: stint.userId,
    registrant_id: person.registrantId,
    user_email: person.email,
    ...timing(stint, now),
    failover: false,
    status: status(stint),
    internal_user: person.zoomUserId !== "",
  };
}

export function buildReportParticipant({ person, stint }: ParticipantRow, now: number) {
  return {
    customer_key: person.customerKey,
    ...timing(stint, now),
    failover: false,
    id: person.zoomUserId,
    name: person.name,
    registrant_id: person.registrantId,
    status: status(stint),
    user_email: person.email,
    user_id: stint.userId,
    bo_mtg_id: "",
    participant_user_id: person.zoomUserId,
  };
}
