import { z } from "zod";

import {
  USER_EMAIL_MAX,
  USER_NAME_MAX,
  USER_PASSWORD_MAX,
  USER_PASSWORD_MIN,
} from "@/lib/users/constants";

import { Role } from "@/generated/prisma/enums";
import { controlCharacterMessage, hasNoControlCharacters } from "@/lib/plain-text";

/** A Zoom user id (e.g. "KDcuGIm1QgePTO8WbOqwIQ"), or empty to clear the mapping. */
export const videoConferenceUserIdInputSchema = z.object({
  videoConferenceUserId: z
    .string()
    .trim()
    .max(64, "A Zoom user id has at most 64 characters.")
    .regex(
      /^[A-Za-z0-9_-]*$/,
      "A Zoom user id has only letters, digits, - and _ (no spaces or @).",
    ),
});
export type VideoConferenceUserIdInput = z.infer<typeof videoConferenceUserIdInputSchema>;

// Administration of users (the admin's Users page). Staff are care team members and administrators;
// patients get their accounts with their subject record.

export {
  USER_EMAIL_MAX,
  USER_NAME_MAX,
  USER_PASSWORD_MAX,
  USER_PASSWORD_MIN,
  USERS_PAGE_SIZE,
} from "@/lib/users/constants";

export const USER_FORM_INVALID = "The user was not saved: see the messages next to the fields.";

const password = z
  .string({ message: `Enter a password of at least ${USER_PASSWORD_MIN} characters.` })
  .min(USER_PASSWORD_MIN, `Use a password of at least ${USER_PASSWORD_MIN} characters.`)
  .max(USER_PASSWORD_MAX, `Use a password of at most ${USER_PASSWORD_MAX} characters.`);

const staffRole = z.enum([Role.CARE_TEAM, Role.ADMIN], {
  message: "Choose care team member or administrator.",
});

const userId = z.uuid({ message: "Unknown user." });

function name(label: string) {
  return z
    .string({ message: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(USER_NAME_MAX, `The ${label} has at most ${USER_NAME_MAX} characters.`)
    .refine(hasNoControlCharacters, controlCharacterMessage(`The ${label}`));
}

export const createStaffUserInputSchema = z.object({
  firstName: name("first name"),
  lastName: name("last name"),
  email: z
    .string({ message: "Enter an email address." })
    .trim()
    .toLowerCase()
    .max(USER_EMAIL_MAX, `An email address has at most ${USER_EMAIL_MAX} characters.`)
    .pipe(z.email({ message: "Enter an email address such as name@clinic.org." })),
  role: staffRole,
  password,
});
export type CreateStaffUserInput = z.infer<typeof createStaffUserInputSchema>;

/** Deactivate or reactivate: which user. */
export const userIdInputSchema = z.object({ userId });
export type UserIdInput = z.infer<typeof userIdInputSchema>;

export const changeUserRoleInputSchema = z.object({ userId, role: staffRole });
export type ChangeUserRoleInput = z.infer<typeof changeUserRoleInputSchema>;

export const resetUserPasswordInputSchema = z.object({ userId, password });
export type ResetUserPasswordInput = z.infer<typeof resetUserPasswordInputSchema>;

/** The Users page's query string: ?role=&page=. Anything unexpected falls back to the default. */
export const listUsersQuerySchema = z.object({
  role: z.enum(Role).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;
