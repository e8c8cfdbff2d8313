import { type Emulator } from "../emulator";
import { nextUtcMidnight, utcDay } from "../zoom-time";
import { type RestResponse } from "./rest-errors";

// At most 100 meeting create/update requests per user per day, reset at 00:00 UTC on the
// emulator clock (zoom-rest.md#rate-limits). The 101st gets a 429 with `Retry-After` as an ISO
// datetime.

const DAILY_MEETING_WRITES = 100;

export function countMeetingWrite(emulator: Emulator, hostId: string): RestResponse | null {
  const now = emulator.now();
  const today = utcDay(now);
  const counts = emulator.state.dailyMeetingWrites;
  for (const key of Object.keys(counts)) {
    if (!key.endsWith(`:${today}`)) delete counts[key];
  }
  const key = `${hostId}:${today}`;
  const used = (counts[key] ?? 0) + 1;
  counts[key] = used;
  emulator.changed();
  if (used <= DAILY_MEETING_WRITES) return null;
  return {
    status: 429,
    body: {
      code: 429,
      message: `You have exceeded the daily rate limit of (${DAILY_MEETING_WRITES}) meeting create/update API requests permitted for this particular user. You may resume these API requests at GMT 00:00:00.`,
    },
    headers: {
      "X-RateLimit-Type": "Daily-limit",
      "Retry-After": new Date(nextUtcMidnight(now)).toISOString(),
    },
  };
}
