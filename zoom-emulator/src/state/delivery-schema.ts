import { z } from "zod";

// The outbound notification log: webhooks and Epic-style GETs with every attempt.
// @see ../../../../shared/docs/zoom-protocols.md §2.4 and §5.5

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
