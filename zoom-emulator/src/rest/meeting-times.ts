import { isValidTimezone, parseStartTime } from "../zoom-time";
import { fieldInvalid, type RestResponse } from "./rest-errors";

// start_time is UTC ("…Z") or wall-clock time in `timezone` (zoom-rest.md#meetings); responses give
// it in UTC.

export type TimeCheck =
  | { isValid: true; startTime: number | null; timezone: string }
  | { isValid: false; response: RestResponse };

export function resolveMeetingTime(startTimeText: string | undefined, timezone: string): TimeCheck {
  if (!isValidTimezone(timezone))
    return { isValid: false, response: fieldInvalid("timezone", "Invalid timezone.") };
  if (startTimeText === undefined) return { isValid: true, startTime: null, timezone };
  const startTime = parseStartTime(startTimeText, timezone);
  if (startTime === null)
    return { isValid: false, response: fieldInvalid("start_time", "Invalid start_time.") };
  return { isValid: true, startTime, timezone };
}
