// Limits of the subject search, shared by the URL schema and the search box (no zod here: the
// search box ships to the browser).

export const SUBJECT_SEARCH_MAX_LENGTH = 200;
export const SUBJECTS_PAGE_SIZE = 25;
/** Deep pages of a broad search help nobody: narrow the search instead. */
export const SUBJECTS_MAX_PAGE = 40;

/**
 * VisitMessage.lastError of a reminder cancelled because the patient stopped reminders: turning
 * them back on re-queues exactly these (lib/subjects/set-reminder-opt-out.ts).
 */
export const REMINDERS_STOPPED_REASON = "The patient stopped reminders";
