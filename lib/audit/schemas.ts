import { z } from "zod";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { fieldErrorsOf } from "@/lib/errors";
import { isCalendarDate } from "@/lib/time-zone";

// The audit trail's filters, from the page's query string (a plain GET form).

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .transform((value) => (value === "" ? undefined : value))
    .optional();

const optionalDate = (label: string) =>
  optionalText(10).refine((value) => value === undefined || isCalendarDate(value), {
    message: `${label} must be a date written yyyy-mm-dd`,
  });

/** A page's cursor: the occurredAt and id of the last event of the page before. */
export const AUDIT_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(\d{1,19})$/;

export const auditQuerySchema = z
  .object({
    user: optionalText(254).transform((value) => value?.toLowerCase()),
    subject: optionalText(64),
    action: z
      .union([z.literal(""), z.enum(AUDIT_ACTIONS, { message: "Unknown action" })])
      .optional()
      .transform((value) => (value === "" ? undefined : value)),
    from: optionalDate("From"),
    to: optionalDate("To"),
    before: z.string().regex(AUDIT_CURSOR, "Invalid page").optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "The start date is after the end date",
    path: ["from"],
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export type ParseAuditQueryResult =
  | { success: true; query: AuditQuery }
  | { success: false; message: string; fields: Record<string, string[]> };

export function parseAuditQuery(
  raw: Record<string, string | string[] | undefined>,
): ParseAuditQueryResult {
  const first = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = auditQuerySchema.safeParse(first);
  if (parsed.success) return { success: true, query: parsed.data };
  const fields = fieldErrorsOf(parsed.error);
  return { success: false, message: Object.values(fields).flat().join(". "), fields };
}
