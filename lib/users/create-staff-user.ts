import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { recordUserAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { assertAdmin, managedUserSelect } from "@/lib/users/managed-user";
import type { CreateStaffUserInput } from "@/lib/users/schemas";
import type { ManagedUser } from "@/lib/users/types";

export type CreateStaffUserOptions = CreateStaffUserInput & { viewer: Viewer };

/**
 * Emails are sign-in identifiers, unique across every clinic on the instance: the message is the
 * same whichever clinic (this one or another) has the address, and says what to do, not who has it.
 */
const EMAIL_TAKEN =
  "This email address can't be used for a new account. Use another address; if the person already has an account in this clinic, they are in the list of users.";

function emailTaken(cause?: unknown): AppError {
  return new AppError("bad_request", "Email address already in use", {
    cause,
    userMessage: EMAIL_TAKEN,
    fields: { email: [EMAIL_TAKEN] },
  });
}

/**
 * Adds a care team member or an administrator to the viewer's organization, with the initial
 * password the admin typed (they hand it over; the user signs in with it).
 */
export async function createStaffUser({
  viewer,
  password,
  ...input
}: CreateStaffUserOptions): Promise<ManagedUser> {
  assertAdmin(viewer);
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true },
  });
  if (existing) throw emailTaken();
  // Hashing takes about 40 ms (off the event loop): before the transaction, which then holds its connection briefly.
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { ...input, organizationId: viewer.organizationId, passwordHash },
        select: managedUserSelect,
      });
      await recordUserAudit(tx, viewer, "user.create", {
        userId: user.id,
        details: { role: user.role },
      });
      return user;
    });
  } catch (error) {
    // Created by somebody else between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw emailTaken(error);
    throw error;
  }
}
