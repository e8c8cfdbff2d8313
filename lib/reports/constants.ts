/** The longest report range, in days: a year, leap day included. */
export const REPORT_MAX_DAYS = 366;
/** The range shown when none is chosen: the last 30 days, today included. */
export const REPORT_DEFAULT_DAYS = 30;
/** A provider who joins later than this after the scheduled start has started late. */
export const LATE_START_MINUTES = 5;
