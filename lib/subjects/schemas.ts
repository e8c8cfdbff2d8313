import { z } from "zod";

import { SUBJECT_SEARCH_MAX_LENGTH, SUBJECTS_MAX_PAGE } from "@/lib/subjects/constants";

export const SUBJECT_SORTS = ["relevance", "name", "record", "dob"] as const;
export type SubjectSort = (typeof SUBJECT_SORTS)[number];

/** The subject search's URL (`?q=&page=&sort=&dir=&portal=&upcoming=`). Anything unusable falls back to a default, never an error. */
export const subjectSearchParamsSchema = z.object({
  q: z
    .string()
    .catch("")
    .default("")
    .transform((q) => q.trim().slice(0, SUBJECT_SEARCH_MAX_LENGTH)),
  page: z.coerce.number().int().min(1).max(SUBJECTS_MAX_PAGE).catch(1).default(1),
  sort: z.enum(SUBJECT_SORTS).catch("relevance").default("relevance"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  portal: z.enum(["any", "with", "without"]).catch("any").default("any"),
  upcoming: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((value) => value === "1"),
});
export type SubjectSearchParams = z.infer<typeof subjectSearchParamsSchema>;

export const subjectParamsSchema = z.object({ subjectId: z.uuid() });

/** `GET /api/subjects`: the same search, but a bad parameter is an error instead of a default. */
export const subjectSearchApiQuerySchema = z
  .object({
    q: z.string().max(SUBJECT_SEARCH_MAX_LENGTH).default(""),
    page: z.coerce.number().int().min(1).max(SUBJECTS_MAX_PAGE).default(1),
    sort: z.enum(SUBJECT_SORTS).default("relevance"),
    dir: z.enum(["asc", "desc"]).default("asc"),
    portal: z.enum(["any", "with", "without"]).default("any"),
    upcoming: z.enum(["0", "1"]).default("0"),
  })
  .strict()
  .transform(({ upcoming, q, ...rest }) => ({
    ...rest,
    q: q.trim(),
    upcoming: upcoming === "1",
  }));
