import { type Emulator } from "../emulator";
import { buildPasscodes } from "../meetings/passcodes";
import { type Meeting } from "../state/meeting-schema";
import { type MeetingBody } from "./meeting-input-schema";
import { resolveMeetingTime } from "./meeting-times";
import { type RestResponse } from "./rest-errors";

// PATCH /meetings/{meetingId}: only the fields sent change; settings merge key by key. 204.

export function updateMeeting(
  emulator: Emulator,
  meeting: Meeting,
  body: MeetingBody,
): RestResponse {
  const time = resolveMeetingTime(body.start_time, body.timezone ?? meeting.timezone);
  if (!time.isValid) return time.response;
  if (body.topic !== undefined) meeting.topic = body.topic;
  if (body.type !== undefined) meeting.type = body.type;
  if (time.startTime !== null) meeting.startTime = time.startTime;
  if (body.timezone !== undefined) meeting.timezone = time.timezone;
  if (body.duration !== undefined) meeting.duration = body.duration;
  if (body.agenda !== undefined) meeting.agenda = body.agenda;
  if (body.password !== undefined && body.password !== meeting.password) {
    Object.assign(meeting, buildPasscodes(body.password));
  }
  if (body.settings !== undefined) meeting.settings = { ...meeting.settings, ...body.settings };
  if (body.recurrence !== undefined) meeting.recurrence = body.recurrence;
  if (body.tracking_fields !== undefined) meeting.trackingFields = body.tracking_fields;
  emulator.changed();
  return { status: 204 };
}
