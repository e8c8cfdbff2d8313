import { z } from "zod";

/**
 * `app_deauthorized`: the app was removed on Zoom's side.
 * @see docs/protocols/zoom-webhooks.md#app-deauthorized
 * @see docs/protocols/zoom-oauth.md#data-compliance
 */
export const appDeauthorizedPayloadSchema = z.object({
  account_id: z.string().min(1),
  user_id: z.string().optional(),
  client_id: z.string().optional(),
  deauthorization_time: z.string().optional(),
  signature: z.string().optional(),
  // Legacy string "true"/"false"; a boolean is accepted too. Absent means retention is not allowed.
  user_data_retention: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])
    .default(false),
});
export type AppDeauthorizedPayload = z.infer<typeof appDeauthorizedPayloadSchema>;

/** The Cancel deletion button's form. */
export const cancelDataDeletionInputSchema = z.object({
  requestId: z.uuid({ message: "This deletion cannot be found." }),
});
