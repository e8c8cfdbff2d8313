import type { AuditAction, AuditTargetType } from "@/lib/audit/actions";
import { formatDateTime } from "@/lib/format";

// The audit trail in words, for the page: the stored codes ("auth.sign_in", "hasQuery: false")
// stay as they are in the database, in filters' URLs and in exports. Pure.

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in refused",
  "auth.code_requested": "Asked for a sign-in code",
  "auth.sign_out": "Signed out",
  "organization.update": "Changed the clinic's settings",
  "subject.search": "Searched subjects",
  "subject.view": "Opened a subject",
  "visit.list": "Listed visits",
  "visit.view": "Opened a visit",
  "visit.start": "Started a video visit",
  "visit.schedule": "Scheduled a visit",
  "visit.reschedule": "Moved a visit",
  "visit.cancel": "Cancelled a visit",
  "visit.join": "Joined a video visit",
  "zoom.link": "Linked Zoom",
  "zoom.unlink": "Removed Zoom",
  "zoom.deauthorized": "Zoom removed the app",
  "zoom.grant_replaced": "Zoom replaced the app's authorization",
  "retention.purged": "Deleted Zoom data",
  "user.video_id_update": "Changed a Video Conference User ID",
  "user.video_id_resolved": "Found a user's Zoom account",
  "user.create": "Added a user",
  "user.deactivate": "Deactivated a user",
  "user.reactivate": "Reactivated a user",
  "user.role_change": "Changed a user's role",
  "user.password_reset": "Reset a user's password",
  "telehealth.settings_update": "Changed the telehealth link settings",
  "report.view": "Viewed the visit report",
  "attendance.export": "Downloaded the attendance log",
  "audit.view": "Viewed the audit trail",
  "visit.device_check": "Ran the device check",
  "consent.text_update": "Published a consent text",
  "consent.accept": "Signed the telehealth consent",
  "portal.invite": "Invited to the portal",
  "portal.invitation_resent": "Resent the portal invitation",
  "portal.access_removed": "Removed portal access",
  "auth.password_set": "Set a password from an invitation",
  "auth.password_change": "Changed their password",
  "auth.password_reset_requested": "Asked for a password reset",
  "auth.password_reset": "Reset their password",
  "retention.cancelled": "Cancelled a Zoom data deletion",
  "today.view": "Opened the Today board",
  "visit.no_show": "Marked a visit as no-show",
  "visit.no_show_undo": "Undid a no-show",
  "subject.create": "Added a subject",
  "subject.update": "Edited a subject",
  "subject.import": "Imported subjects from CSV",
  "subject.import_refused_export": "Downloaded the refused rows of an import",
  "subject.reminders_stopped": "Stopped visit reminders (the reminder's link)",
  "subject.reminders_resumed": "Turned visit reminders back on (the reminder's link)",
  "guest.invite": "Invited a guest to a visit",
  "guest.join": "A guest joined through their link",
  "guest.revoke": "Revoked a guest's link",
};

export const AUDIT_TARGET_LABELS: Record<AuditTargetType, string> = {
  user: "User",
  subject: "Subject",
  visit: "Visit",
  organization: "Clinic",
  zoom_connection: "Zoom connection",
  data_deletion_request: "Zoom data deletion",
  telehealth_settings: "Telehealth settings",
  consent_version: "Consent text",
  subject_import: "Subject import",
  visit_guest: "Visit guest",
};

const DETAIL_LABELS: Record<string, string> = {
  hasQuery: "Typed a search",
  isCorrected: "Spelling corrected",
  resultCount: "Results",
  page: "Page",
  count: "Visits",
  method: "How",
  reason: "Reason",
  role: "Role",
  from: "From",
  to: "To",
  changed: "Changed",
  durationMinutes: "Length (minutes)",
  asHost: "As host",
  mode: "Link",
  isMeetingDeleted: "Zoom meeting deleted",
  isCleared: "Cleared",
  source: "Found by",
  retentionAllowed: "Zoom data kept",
  isRevokedAtZoom: "Revoked at Zoom",
  zoomAccountId: "Zoom account",
  providerId: "Provider",
  user: "User",
  subject: "Subject",
  action: "Action",
  version: "Version",
  visitId: "Visit",
  isPassed: "Passed",
  camera: "Camera",
  microphone: "Microphone",
  speaker: "Speaker",
  network: "Connection",
  visits: "Visits",
  attendances: "Attendance rows",
  participantEvents: "Participant events",
  registrants: "Zoom registrations",
  notifications: "Notifications",
  userMappings: "User mappings",
  connectionIdentity: "Connection details",
  isNumberAssigned: "Next number assigned",
  isAddedAnyway: "Added despite a probable duplicate",
  isSignInEmailChanged: "Sign-in email changed",
  cancelledReminders: "Reminders cancelled",
  requeuedReminders: "Reminders queued again",
  relationship: "Relationship",
  delivery: "Sent by",
  isFirstJoin: "First use of the link",
};

/** Codes that appear as values, in words; others are shown with their underscores as spaces. */
const VALUE_WORDS: Record<string, string> = {
  ADMIN: "administrator",
  CARE_TEAM: "care team",
  PATIENT: "patient",
  password: "password",
  one_time_code: "one-time code",
  invalid_credentials: "wrong email or password",
  rate_limited: "too many tries",
  code_invalid: "wrong code",
  code_expired: "expired code",
  zoom: "Zoom link",
  telehealth: "telehealth link",
  MANUAL: "entered on the profile",
  EMAIL_MATCH: "same email",
  CREATED: "created in Zoom",
  PASSED: "works",
  BLOCKED: "blocked",
  MISSING: "none found",
  FAILED: "not working",
  SKIPPED: "not checked",
  GOOD: "good",
  FAIR: "fair",
  POOR: "slow",
  OFFLINE: "not reached",
  timeZone: "time zone",
  joinMode: "join link",
  apiKey: "API key",
  apiSecret: "API secret",
  includeIdentity: "names in links",
  notifierUsername: "notifier user name",
  notifierPassword: "notifier password",
  reminderOffsetsMinutes: "reminder times",
  calendarSubjectName: "names in calendar entries",
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** "camelCase" or "snake_case" as words, for a key or value no list above knows. */
function words(code: string): string {
  const spaced = code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.]/g, " ")
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? words(action);
}

export function auditTargetLabel(targetType: string): string {
  return (AUDIT_TARGET_LABELS as Record<string, string>)[targetType] ?? words(targetType);
}

function valueWords(value: unknown, timeZone: string): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en-US");
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) return formatDateTime(new Date(value), timeZone);
    return VALUE_WORDS[value] ?? value.replace(/_/g, " ");
  }
  if (Array.isArray(value))
    return value.length === 0
      ? "nothing"
      : value.map((item) => valueWords(item, timeZone)).join(", ");
  return JSON.stringify(value);
}

/** "Typed a search: no · Page: 1" for a flat details object (empty values left out). */
export function describeAuditDetails(details: unknown, timeZone: string): string | null {
  if (details === null || details === undefined) return null;
  if (typeof details !== "object" || Array.isArray(details)) return valueWords(details, timeZone);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (value === null || value === undefined) continue;
    parts.push(`${DETAIL_LABELS[key] ?? words(key)}: ${valueWords(value, timeZone)}`);
  }
  return parts.length > 0 ? parts.join(" · ") : null;
}
