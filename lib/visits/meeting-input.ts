import { MEETING_REGISTRATION_SETTINGS } from "@/lib/zoom/api/registrants";
import type { ZoomMeetingInput } from "@/lib/zoom/schemas";

// The Zoom meeting for a visit. The topic names no patient: Zoom is told nothing it does not need.
// Registration is on, so that each person we send in has their own link (docs/decisions/038).

export const VISIT_MEETING_TOPIC = "CareVisit video visit";

/**
 * Zoom wants `yyyy-MM-ddTHH:mm:ssZ` (no milliseconds).
 * @see docs/protocols/zoom-rest.md#meetings
 */
export function toZoomTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function buildMeetingInput(options: {
  start: Date;
  durationMinutes: number;
  timeZone: string;
}): ZoomMeetingInput {
  return {
    topic: VISIT_MEETING_TOPIC,
    type: 2,
    start_time: toZoomTime(options.start),
    duration: options.durationMinutes,
    timezone: options.timeZone,
    settings: {
      waiting_room: true,
      join_before_host: false,
      host_video: true,
      participant_video: true,
      mute_upon_entry: false,
      ...MEETING_REGISTRATION_SETTINGS,
      audio: "both",
      auto_recording: "none",
    },
  };
}
