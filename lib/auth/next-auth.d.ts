import type { Role } from "@/generated/prisma/enums";

declare module "next-auth" {
  interface User {
    role: Role;
    organizationId: string;
    sessionVersion: number;
    /** The clinic's idle timeout when the person signed in. */
    sessionIdleMinutes: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    org?: string;
    sv?: number;
    /** Signed in at (seconds): the absolute lifetime counts from here. */
    st?: number;
    /** The idle timeout (minutes) the session was begun under. */
    il?: number;
  }
}
