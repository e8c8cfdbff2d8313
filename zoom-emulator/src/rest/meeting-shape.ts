import { type Emulator } from "../emulator";
import { currentInstance } from "../meetings/instances";
import { buildJoinUrl, buildStartUrl } from "../meetings/create-meeting";
import { findAccount } from "../state/accounts";
import { type Meeting } from "../state/meeting-schema";
import { formatZoomTime } from "../zoom-time";

// The meeting object of the create response and of GET /meetings/{meetingId}. `id` is a JSON
// NUMBER here (zoom-rest.md#meeting-ids); uuid, host_id and status are in both, as since Nov 2025
// (zoom-rest.md#meetings).

export function buildMeetingResponse(emulator: Emulator, meeting: Meeting) {
  const host = findAccount(emulator.state, meeting.accountId)?.users.find(
    (user) => user.id === meeting.hostId,
  );
  const instance = currentInstance(meeting);
  return {
    uuid: instance.uuid,
    id: meeting.id,
    host_id: meeting.hostId,
    host_email: host?.email ?? "",
    assistant_id: "",
    topic: meeting.topic,
    type: meeting.type,
    status: instance.status,
    // Recurring meetings with no fixed time (type 3) have no start_time.
    ...(meeting.type === 3 || meeting.startTime === null
      ? {}
      : { start_time: formatZoomTime(meeting.startTime) }),
    duration: meeting.duration,
    timezone: meeting.timezone,
    agenda: meeting.agenda,
    created_at: formatZoomTime(meeting.createdAt),
    start_url: host ? buildStartUrl(emulator, meeting, host) : "",
    join_url: buildJoinUrl(emulator, meeting),
    password: meeting.password,
    h323_password: meeting.h323Password,
    pstn_password: meeting.h323Password,
    encrypted_password: meeting.encryptedPassword,
    settings: meeting.settings,
    ...(meeting.recurrence === null ? {} : { recurrence: meeting.recurrence }),
    ...(meeting.trackingFields.length === 0 ? {} : { tracking_fields: meeting.trackingFields }),
    pre_schedule: false,
    creation_source: "open_api",
  };
}
