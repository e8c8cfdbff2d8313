/**
 * The PostgreSQL channel that carries ids of visits whose live state changed. The change's own
 * transaction sends the notification (recompute-visit-state.ts), so PostgreSQL delivers it only
 * if, and when, the change commits; it carries only the id.
 */
export const VISIT_CHANGED_CHANNEL = "visit_changed";
