import { z } from "zod";

// Zoom users and accounts as the emulator stores them; REST shapes are built from these.
// @see docs/protocols/zoom-rest.md#users

export const ROLE_NAMES = ["Owner", "Admin", "Member"] as const;
export const roleNameSchema = z.enum(ROLE_NAMES);
export type RoleName = z.infer<typeof roleNameSchema>;

// Zoom's built-in role ids: Owner 0, Admin 1, Member 2.
export const ROLE_IDS: Record<RoleName, string> = { Owner: "0", Admin: "1", Member: "2" };

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  type: z.number().int(),
  role: roleNameSchema,
  status: z.enum(["active", "inactive", "pending"]),
  timezone: z.string(),
  pmi: z.number().int(),
  // The host key embedded in `start_url` (`zak=`).
  zak: z.string(),
  createdAt: z.number(),
});
export type ZoomUser = z.infer<typeof userSchema>;

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  accountNumber: z.number().int(),
  users: z.array(userSchema),
});
export type ZoomAccount = z.infer<typeof accountSchema>;
