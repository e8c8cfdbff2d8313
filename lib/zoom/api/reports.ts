import "server-only";

import { z } from "zod";

import { type ZoomConnectionRef, zoomRequest } from "@/lib/zoom/api/request";

// GET /report/meetings/{meetingId}/participants: one row per stay of each participant, read after
// the meeting to fill in what lost webhooks missed. Needs a paid plan and `report:read:admin`.
// @see docs/protocols/zoom-rest.md#participant-reports

const PAGE_SIZE = 300;
/** A visit has a handful of people: more pages than this means something else is wrong. */
const MAX_PAGES = 10;

const optional = z.string().max(500).nullish();

export const zoomReportParticipantSchema = z.object({
  id: optional,
  name: optional,
  user_id: optional,
  user_email: optional,
  registrant_id: optional,
  customer_key: optional,
  participant_user_id: optional,
  join_time: z.iso.datetime({ offset: true }),
  leave_time: z.iso.datetime({ offset: true }),
});
export type ZoomReportParticipant = z.infer<typeof zoomReportParticipantSchema>;

const pageSchema = z.object({
  next_page_token: z.string().nullish(),
  participants: z.array(zoomReportParticipantSchema),
});

/** Every participant row of the meeting's last instance (the meeting number names it). */
export async function listZoomReportParticipants(
  connection: ZoomConnectionRef,
  meetingId: bigint,
): Promise<ZoomReportParticipant[]> {
  const rows: ZoomReportParticipant[] = [];
  let nextPageToken = "";
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await zoomRequest(connection, {
      method: "GET",
      path: `/report/meetings/${meetingId}/participants`,
      query: {
        page_size: String(PAGE_SIZE),
        ...(nextPageToken ? { next_page_token: nextPageToken } : {}),
      },
      schema: pageSchema,
    });
    rows.push(...answer.participants);
    nextPageToken = answer.next_page_token ?? "";
    if (!nextPageToken) break;
  }
  return rows;
}
