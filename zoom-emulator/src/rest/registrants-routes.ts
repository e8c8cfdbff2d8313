import { z } from "zod";

import { type Emulator } from "../emulator";
import { readJson } from "../http/request-body";
import { type Route } from "../http/router";
import { newDigits, newOpaqueToken, newZoomId } from "../ids";
import { buildJoinUrl } from "../meetings/create-meeting";
import { type Meeting, type Registrant } from "../state/meeting-schema";
import { formatZoomTime } from "../zoom-time";
import { findCallerMeeting } from "./meeting-lookup";
import {
  invalidJson,
  meetingNotFound,
  restError,
  type RestResponse,
  validationFailed,
} from "./rest-errors";
import { type RestCall, restRoute } from "./rest-route";

// POST /meetings/{meetingId}/registrants: the way to identify plain join_url joins, since no URL
// parameter sets customer_key (zoom-webhooks.md#identifying-a-participant). The registrant's
// join_url carries `tk=`, and their webhooks carry `registrant_id`. As Zoom: a meeting without
// registration (approval_type 2) answers 404 with code 404; an address already registered gets
// the same registrant back; the documented profile fields are accepted and unknown ones ignored.
// Zoom also needs a licensed host; the emulator does not check that (zoom-rest.md#registrants).

const text = (max: number) => z.string().max(max).optional();

const registrantBodySchema = z.object({
  email: z.email().max(128),
  first_name: z.string().min(1).max(64),
  last_name: z.string().max(64).optional(),
  address: text(255),
  city: text(64),
  state: text(64),
  zip: text(64),
  country: text(64),
  phone: text(64),
  comments: text(2048),
  industry: text(64),
  job_title: text(64),
  org: text(64),
  no_of_employees: text(64),
  purchasing_time_frame: text(64),
  role_in_purchase_process: text(64),
  language: text(16),
  custom_questions: z.array(z.object({ title: z.string(), value: z.string() })).optional(),
  auto_approve: z.boolean().optional(),
});

const REGISTRATION_NOT_ENABLED = 404;

function registrationNotEnabled(meetingId: string): RestResponse {
  return restError(
    404,
    REGISTRATION_NOT_ENABLED,
    `Registration has not been enabled for this meeting: ${meetingId}.`,
  );
}

function answer(emulator: Emulator, meeting: Meeting, registrant: Registrant): RestResponse {
  const joinUrl = new URL(buildJoinUrl(emulator, meeting));
  joinUrl.searchParams.set("tk", registrant.token);
  const body = {
    id: meeting.id,
    join_url: joinUrl.href,
    registrant_id: registrant.id,
    ...(meeting.startTime === null ? {} : { start_time: formatZoomTime(meeting.startTime) }),
    topic: meeting.topic,
    occurrences: [],
    participant_pin_code: registrant.pinCode,
  };
  return { status: 201, body };
}

async function addRegistrant(
  emulator: Emulator,
  { context, caller }: RestCall,
): Promise<RestResponse> {
  const meetingId = context.params.meetingId ?? "";
  const meeting = findCallerMeeting(emulator, caller, meetingId);
  if (!meeting) return meetingNotFound(meetingId);
  const approvalType = meeting.settings.approval_type;
  if (approvalType !== 0 && approvalType !== 1) return registrationNotEnabled(meetingId);
  const json = await readJson(context.req);
  if (!json.isValid) return invalidJson();
  const parsed = registrantBodySchema.safeParse(json.value);
  if (!parsed.success) return validationFailed(parsed.error);
  const email = parsed.data.email.toLowerCase();
  const existing = meeting.registrants.find((item) => item.email.toLowerCase() === email);
  if (existing) return answer(emulator, meeting, existing);
  const isApproved = approvalType === 0 || parsed.data.auto_approve === true;
  const registrant: Registrant = {
    id: newZoomId(),
    email: parsed.data.email,
    firstName: parsed.data.first_name,
    lastName: parsed.data.last_name ?? "",
    token: newOpaqueToken(24),
    status: isApproved ? "approved" : "pending",
    pinCode: Number(newDigits(6)),
    createdAt: emulator.now(),
  };
  meeting.registrants.push(registrant);
  emulator.changed();
  return answer(emulator, meeting, registrant);
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
