import { type Emulator } from "../emulator";
import { readJson } from "../http/request-body";
import { type Route } from "../http/router";
import { createMeeting } from "../meetings/create-meeting";
import { currentInstance } from "../meetings/instances";
import { findUserInAccount } from "../state/accounts";
import { countMeetingWrite } from "./daily-meeting-cap";
import { meetingBodySchema } from "./meeting-input-schema";
import { findCallerMeeting } from "./meeting-lookup";
import { buildMeetingResponse } from "./meeting-shape";
import { resolveMeetingTime } from "./meeting-times";
import { updateMeeting } from "./update-meeting";
import {
  invalidJson,
  meetingNotFound,
  restError,
  type RestResponse,
  userNotFound,
  validationFailed,
} from "./rest-errors";
import { type RestCall, restRoute } from "./rest-route";

// POST /users/{userId}/meetings, GET/PATCH/DELETE /meetings/{meetingId} (zoom-rest.md#meetings).

const READ_SCOPES = [
  "meeting:read:admin",
  "meeting:read",
  "meeting:read:meeting:admin",
  "meeting:read:meeting",
];
const WRITE_SCOPES = [
  "meeting:write:admin",
  "meeting:write",
  "meeting:write:meeting:admin",
  "meeting:write:meeting",
];

async function create(emulator: Emulator, { context, caller }: RestCall): Promise<RestResponse> {
  const userId = context.params.userId ?? "";
  const pathUser = userId === "me" ? caller.user : findUserInAccount(caller.account, userId);
  if (!pathUser) return userNotFound(userId);
  const json = await readJson(context.req);
  if (!json.isValid) return invalidJson();
  const parsed = meetingBodySchema.safeParse(json.value);
  if (!parsed.success) return validationFailed(parsed.error);
  const body = parsed.data;
  const host = body.schedule_for ? findUserInAccount(caller.account, body.schedule_for) : pathUser;
  if (!host) return userNotFound(body.schedule_for ?? userId);
  const capped = countMeetingWrite(emulator, host.id);
  if (capped) return capped;
  const time = resolveMeetingTime(body.start_time, body.timezone ?? host.timezone);
  if (!time.isValid) return time.response;
  const type = body.type ?? 2;
  const now = emulator.now();
  const meeting = createMeeting(emulator, caller.account, host, {
    topic: body.topic ?? "Zoom Meeting",
    type,
    startTime: type === 3 ? null : type === 1 ? now : (time.startTime ?? now),
    duration: body.duration ?? 60,
    timezone: time.timezone,
    agenda: body.agenda ?? "",
    password: body.password,
    settings: body.settings ?? {},
    recurrence: body.recurrence ?? null,
    trackingFields: body.tracking_fields ?? [],
  });
  return { status: 201, body: buildMeetingResponse(emulator, meeting) };
}

function get(emulator: Emulator, { context, caller }: RestCall): RestResponse {
  const meetingId = context.params.meetingId ?? "";
  const meeting = findCallerMeeting(emulator, caller, meetingId);
  if (!meeting) return meetingNotFound(meetingId);
  return { status: 200, body: buildMeetingResponse(emulator, meeting) };
}

async function patch(emulator: Emulator, { context, caller }: RestCall): Promise<RestResponse> {
  const meetingId = context.params.meetingId ?? "";
  const meeting = findCallerMeeting(emulator, caller, meetingId);
  if (!meeting) return meetingNotFound(meetingId);
  const json = await readJson(context.req);
  if (!json.isValid) return invalidJson();
  const parsed = meetingBodySchema.safeParse(json.value);
  if (!parsed.success) return validationFailed(parsed.error);
  const capped = countMeetingWrite(emulator, meeting.hostId);
  if (capped) return capped;
  return updateMeeting(emulator, meeting, parsed.data);
}

function remove(emulator: Emulator, { context, caller }: RestCall): RestResponse {
  const meetingId = context.params.meetingId ?? "";
  const meeting = findCallerMeeting(emulator, caller, meetingId);
  if (!meeting) return meetingNotFound(meetingId);
  if (currentInstance(meeting).status === "started") {
    return restError(400, 3002, "Sorry, you cannot delete this meeting since it is in progress.");
  }
  // Kept, marked deleted: past-meeting and report endpoints still find its instances.
  meeting.deletedAt = emulator.now();
  emulator.changed();
  return { status: 204 };
}

export function meetingsRoutes(emulator: Emulator): Route[] {
  return [
    restRoute(emulator, {
      method: "POST",
      path: "/v2/users/:userId/meetings",
      scopes: WRITE_SCOPES,
      handle: (call) => create(emulator, call),
    }),
    restRoute(emulator, {
      method: "GET",
      path: "/v2/meetings/:meetingId",
      scopes: [...READ_SCOPES, ...WRITE_SCOPES],
      handle: (call) => get(emulator, call),
    }),
    restRoute(emulator, {
      method: "PATCH",
      path: "/v2/meetings/:meetingId",
      scopes: WRITE_SCOPES,
      handle: (call) => patch(emulator, call),
    }),
    restRoute(emulator, {
      method: "DELETE",
      path: "/v2/meetings/:meetingId",
      scopes: WRITE_SCOPES,
      handle: (call) => remove(emulator, call),
    }),
  ];
}
