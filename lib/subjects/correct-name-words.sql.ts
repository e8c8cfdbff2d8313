import "server-only";

import { Prisma } from "@/generated/prisma/client";

export type NameTermRow = { position: number; term: string; similarity: number };

/**
 * For each word (by its 1-based position), the organization's name words that may be what was
 * meant: those similar by trigrams, and those one deletion or swap away (`variants`, listed with
 * their word's position), which trigrams miss ("smtih" shares 2 of 10 trigrams with "smith").
 */
export const buildNameTermCandidatesSql = (
  organizationId: string,
  words: string[],
  variants: { position: number; term: string }[],
) => Prisma.sql`
  WITH w AS (SELECT * FROM unnest(${words}::text[]) WITH ORDINALITY AS w(word, position)),
       v AS (SELECT * FROM unnest(${variants.map((v) => v.position)}::int[], ${variants.map((v) => v.term)}::text[]) AS v(position, term))
  SELECT w.position::int AS position, t.term, similarity(t.term, w.word)::float8 AS similarity
  FROM w JOIN "SubjectNameTerm" t ON t."organizationId" = ${organizationId}::uuid AND t.term % w.word
  UNION
  SELECT v.position::int, t.term, similarity(t.term, w.word)::float8
  FROM v JOIN w ON w.position = v.position
  JOIN "SubjectNameTerm" t ON t."organizationId" = ${organizationId}::uuid AND t.term = v.term`;
