import { z } from "zod";

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
