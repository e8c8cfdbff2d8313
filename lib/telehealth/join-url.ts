import { encryptTelehealthData } from "@/lib/telehealth/telehealth-crypto";

// Epic-style telehealth launch URLs: `{base}/telehealth?org_id={apiKey}&data={encrypted fields}`.
// @see docs/protocols/telehealth-urls.md#launch-url-and-plaintext

/**
 * `usertype` values: Zoom makes 1 the host and 2 a participant. Only the visit's own provider is
 * the host; the patient and every other member of the care team join as participants.
 */
export const TELEHEALTH_USER_TYPE = { PROVIDER: 1, PATIENT: 2, PARTICIPANT: 2 } as const;
export type TelehealthUserType = (typeof TELEHEALTH_USER_TYPE)[keyof typeof TELEHEALTH_USER_TYPE];

/**
 * A guest's `userid` (lib/guests): "guest-" and the guest's id, never one of our users' ids, so
 * that the join/leave notifications' ExternalID names the guest.
 */
const TELEHEALTH_GUEST_PREFIX = "guest-";
export const telehealthGuestUserId = (guestId: string) => `${TELEHEALTH_GUEST_PREFIX}${guestId}`;

/** The guest id in a notification's ExternalID made by telehealthGuestUserId, else null. */
export function parseTelehealthGuestUserId(userId: string | null | undefined): string | null {
  if (!userId?.startsWith(TELEHEALTH_GUEST_PREFIX)) return null;
  const guestId = userId.slice(TELEHEALTH_GUEST_PREFIX.length).toLowerCase();
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(guestId)
    ? guestId
    : null;
}

/** Names and email shown in the meeting; left out when the organization's privacy switch is off. */
export type TelehealthIdentity = { firstName: string; lastName: string; email?: string | null };

export type TelehealthPlaintextFields = {
  userType: TelehealthUserType;
  /** The same for the provider and the patient of one visit: it is what puts them in one meeting. */
  sessionId: string;
  userId: string;
  identity?: TelehealthIdentity | null;
};

export type BuildTelehealthJoinUrlOptions = TelehealthPlaintextFields & {
  /** Zoom's telehealth host, e.g. https://applications.zoom.us (no path). */
  baseUrl: string;
  /** The `org_id`: the API key Zoom issued to the organization. */
  apiKey: string;
  apiSecret: string;
};

/** The form-encoded (UTF-8, spaces as "+") plaintext of the `data` parameter. */
export function buildTelehealthPlaintext({
  userType,
  sessionId,
  userId,
  identity,
}: TelehealthPlaintextFields): string {
  const fields = new URLSearchParams({
    usertype: String(userType),
    sessionid: sessionId,
    userid: userId,
  });
  if (identity) {
    fields.set("firstname", identity.firstName);
    fields.set("lastname", identity.lastName);
    if (identity.email) fields.set("email", identity.email);
  }
  return fields.toString();
}

/** The launch URL for one person and one visit. Without `identity`, no name or email is in it. */
export function buildTelehealthJoinUrl({
  baseUrl,
  apiKey,
  apiSecret,
  ...fields
}: BuildTelehealthJoinUrlOptions): string {
  const data = encryptTelehealthData(buildTelehealthPlaintext(fields), apiSecret);
  const base = baseUrl.replace(/\/+$/, "");
  return `${base}/telehealth?org_id=${encodeURIComponent(apiKey)}&data=${encodeURIComponent(data)}`;
}
