// The PostgreSQL channels the app listens on (lib/realtime/change-hub.ts). The change's own
// transaction sends each notification, so PostgreSQL delivers it only if, and when, the change
// commits; it carries only an id.

/**
 * Ids of visits whose live state changed, sent by the change itself (recompute-visit-state.ts).
 */
export const VISIT_CHANGED_CHANNEL = "visit_changed";

/**
 * Ids of users whose signed-in view (lib/auth/viewer.ts) may have changed, sent by the database's
 * own triggers (migration `viewer_change_notifications`): every update or deletion of a user, a
 * change of which user a subject's portal belongs to and, as EVERY_KEY (every user), a change of a
 * clinic's time zone.
 */
export const USER_CHANGED_CHANNEL = "user_changed";

/**
 * Visit messages were queued, or came due (the dispatch schedule), as EVERY_KEY: every instance that
 * runs background jobs sends what is due (lib/visit-messages/visit-message-dispatcher.ts).
 */
export const VISIT_MESSAGES_CHANNEL = "visit_messages";

export const CHANGE_CHANNELS = [
  VISIT_CHANGED_CHANNEL,
  USER_CHANGED_CHANNEL,
  VISIT_MESSAGES_CHANNEL,
] as const;
export type ChangeChannel = (typeof CHANGE_CHANNELS)[number];

/** The triggers that send a channel's notifications: without all of them, it is not heard. */
export const TRIGGERS_OF_CHANNEL: Record<ChangeChannel, readonly string[]> = {
  [VISIT_CHANGED_CHANNEL]: [],
  [USER_CHANGED_CHANNEL]: [
    "User_changed",
    "User_truncated",
    "Subject_portal_added",
    "Subject_portal_changed",
    "Subject_portal_removed",
    "Subject_truncated",
    "Organization_time_zone_changed",
    "Organization_truncated",
  ],
  [VISIT_MESSAGES_CHANNEL]: [],
};

/** The key that subscribes to every notification of a channel, and the payload meaning "all". */
export const EVERY_KEY = "*";
