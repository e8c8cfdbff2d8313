// Why linking Zoom did not complete, carried from the OAuth callback to the admin page as a code.

export const ZOOM_LINK_FAILURES = {
  declined: "Zoom was not linked: the authorization was declined on Zoom's page.",
  missing_state: "Zoom was not linked: the answer from Zoom was incomplete. Start again.",
  invalid_state:
    "Zoom was not linked: this link attempt is unknown or belongs to another session. Start again.",
  used_state: "Zoom was not linked: this link attempt was already used. Start again.",
  expired_state: "Zoom was not linked: the link attempt took longer than 10 minutes. Start again.",
  missing_code: "Zoom was not linked: Zoom did not send an authorization code. Start again.",
  exchange_failed:
    "Zoom was not linked: Zoom did not accept the authorization. Start again, or check the app's credentials.",
  account_in_use:
    "Zoom was not linked: that Zoom account is already linked to another CareVisit organization.",
  already_linked: "Zoom was not linked: another Zoom account is linked. Remove it first.",
} as const;

export type ZoomLinkFailure = keyof typeof ZOOM_LINK_FAILURES;

export function isZoomLinkFailure(value: unknown): value is ZoomLinkFailure {
  return typeof value === "string" && Object.hasOwn(ZOOM_LINK_FAILURES, value);
}
