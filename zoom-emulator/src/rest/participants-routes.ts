import { type Emulator } from "../emulator";
import { type Route } from "../http/router";
import { findCallerInstance } from "./instance-lookup";
import { isPage, paginate } from "./pagination";
import {
  buildPastParticipant,
  buildReportParticipant,
  listParticipantRows,
  type ParticipantRow,
} from "./participant-rows";
import { meetingNotFound, type RestResponse } from "./rest-errors";
import { type RestCall, restRoute } from "./rest-route";

// GET /past_meetings/{meetingUUID}/participants and GET /report/meetings/{meetingId}/participants
// (zoom-rest.md#participant-reports). A meeting that is still running is reported up to now (Zoom
// only has ended ones).

type RowBuilder = (row: ParticipantRow, now: number) => unknown;

function listParticipants(
  emulator: Emulator,
  { context, caller }: RestCall,
  param: string,
  build: RowBuilder,
): RestResponse {
  const id = context.params[param] ?? "";
  const instance = findCallerInstance(emulator, caller, id);
  if (!instance) return meetingNotFound(id);
  const page = paginate(emulator, listParticipantRows(instance), context.url.searchParams);
  if (!isPage(page)) return page;
  const { page_number: _pageNumber, ...envelope } = page.envelope;
  const now = emulator.now();
  return {
    status: 200,
    body: { ...envelope, participants: page.items.map((row) => build(row, now)) },
  };
}

export function participantsRoutes(emulator: Emulator): Route[] {
  return [
    restRoute(emulator, {
      method: "GET",
      path: "/v2/past_meetings/:meetingUUID/participants",
      scopes: ["meeting:read:admin", "meeting:read", "meeting:read:list_past_participants:admin"],
      handle: (call) => listParticipants(emulator, call, "meetingUUID", buildPastParticipant),
    }),
    restRoute(emulator, {
      method: "GET",
      path: "/v2/report/meetings/:meetingId/participants",
      scopes: ["report:read:admin", "report:read:list_meeting_participants:admin"],
      handle: (call) => listParticipants(emulator, call, "meetingId", buildReportParticipant),
    }),
  ];
}
