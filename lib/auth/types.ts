import type { Role } from "@/generated/prisma/enums";

/** The signed-in person, re-read from the database on every request. */
export type Viewer = {
  id: string;
  role: Role;
  organizationId: string;
  firstName: string;
  lastName: string;
  email: string;
  /** The organization's IANA time zone, in which times are shown. */
  timeZone: string;
  /** The patient's own subject record, for patients. */
  subjectId: string | null;
  /** Client address as seen through the trusted proxies, for the audit trail and rate limits. */
  ip: string | null;
};

/** What the session token carries; everything else is read fresh. */
export type SessionClaims = {
  userId: string;
  role: Role;
  organizationId: string;
  sessionVersion: number;
};
