import { z } from "zod";

// The outbound notification log: webhooks and Epic-style GETs with every attempt.
// @see docs/protocols/zoom-webhooks.md#retries
// @see docs/protocols/telehealth-notifications.md#request

export const attemptSchema = z.object({
  at: z.string(),
  status: z.number().int().optional(),
  error: z.string().optional(),
});

export const deliverySchema = z.object({
  id: z.string(),
  kind: z.enum(["webhook", "epic"]),
  event: z.string(),
  url: z.string(),
  // The exact bytes sent (webhooks); null for Epic GETs.
  body: z.string().nullable(),
  attempts: z.array(attemptSchema),
  delivered: z.boolean(),
  state: z.enum(["pending", "delivered", "dropped"]),
});
export type Delivery = z.infer<typeof deliverySchema>;
