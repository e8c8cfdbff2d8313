// The closed set of audited actions and record types. Add to these lists; never rename an entry
// (stored rows keep the old name).

export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.code_requested",
  "auth.sign_out",
  "organization.update",
  "subject.search",
  "subject.view",
  "visit.list",
  "visit.view",
  "visit.start",
  "visit.schedule",
  "visit.reschedule",
  "visit.cancel",
  "visit.join",
  "zoom.link",
  "zoom.unlink",
  "zoom.deauthorized",
  "zoom.grant_replaced",
  "retention.purged",
  "user.video_id_update",
  "user.video_id_resolved",
  "user.create",
  "user.deactivate",
  "user.reactivate",
  "user.role_change",
  "user.password_reset",
  "telehealth.settings_update",
  "report.view",
  "attendance.export",
  "audit.view",
  "visit.device_check",
  "consent.text_update",
  "consent.accept",
  "portal.invite",
  "portal.invitation_resent",
  "portal.access_removed",
  "auth.password_set",
  "auth.password_change",
  "auth.password_reset_requested",
  "auth.password_reset",
  "subject.import",
  "subject.import_refused_export",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_TYPES = [
  "user",
  "subject",
  "visit",
  "organization",
  "zoom_connection",
  "data_deletion_request",
  "telehealth_settings",
  "consent_version",
  "subject_import",
] as const;

export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
