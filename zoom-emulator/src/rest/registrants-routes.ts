import { z } from "zod";

import { type Emulator } from "../emulator";
import { readJson } from "../http/request-body";
import { type Route } from "../http/router";
import { newDigits, newOpaqueToken, newZoomId } from "../ids";
import { buildJoinUrl } from "../meetings/create-meeting";
import { formatZoomTime } from "../zoom-time";
import { findCallerMeeting } from "./meeting-lookup";
import { invalidJson, meetingNotFound, type RestResponse, validationFailed } from "./rest-errors";
import { type RestCall, restRoute } from "./rest-route";

// POST /meetings/{meetingId}/registrants: the way to identify plain join_url joins, since no URL
// parameter sets customer_key (zoom-webhooks.md#identifying-a-participant). The registrant's
// join_url carries `tk=`, and their webhooks carry `registrant_id`. Zoom needs registration enabled
// on the meeting and a licensed host; the emulator does not check either.

const registrantBodySchema = z.object({
  email: z.email(),
  first_name: z.string().min(1).max(64),
  last_name: z.string().max(64).optional(),
});

async function addRegistrant(
  emulator: Emulator,
  { context, caller }: RestCall,
): Promise<RestResponse> {
  const meetingId = context.params.meetingId ?? "";
  const meeting = findCallerMeeting(emulator, caller, meetingId);
  if (!meeting) return meetingNotFound(meetingId);
  const json = await readJson(context.req);
  if (!json.isValid) return invalidJson();
  const parsed = registrantBodySchema.safeParse(json.value);
  if (!parsed.success) return validationFailed(parsed.error);
  const registrant = {
    id: newZoomId(),
    email: parsed.data.email,
    firstName: parsed.data.first_name,
    lastName: parsed.data.last_name ?? "",
    token: newOpaqueToken(24),
    createdAt: emulator.now(),
  };
  meeting.registrants.push(registrant);
  emulator.changed();
  const joinUrl = new URL(buildJoinUrl(emulator, meeting));
  joinUrl.searchParams.set("tk", registrant.token);
  const body = {
    id: meeting.id,
    join_url: joinUrl.href,
    registrant_id: registrant.id,
    ...(meeting.startTime === null ? {} : { start_time: formatZoomTime(meeting.startTime) }),
    topic: meeting.topic,
    occurrences: [],
    participant_pin_code: Number(newDigits(6)),
  };
  return { status: 201, body };
}

export function registrantsRoutes(emulator: Emulator): Route[] {
  return [
    restRoute(emulator, {
      method: "POST",
      path: "/v2/meetings/:meetingId/registrants",
      scopes: ["meeting:write:admin", "meeting:write", "meeting:write:registrant:admin"],
      handle: (call) => addRegistrant(emulator, call),
    }),
  ];
}
