import "server-only";

import { Prisma } from "@/generated/prisma/client";

export type NameTermRow = { position: number; term: string };

/** For each word (by its 1-based position), the organization's most similar name word, if any. */
export const buildClosestNameTermsSql = (organizationId: string, words: string[]) => Prisma.sql`
  SELECT DISTINCT ON (w.position) w.position::int AS position, t.term
  FROM unnest(${words}::text[]) WITH ORDINALITY AS w(word, position)
  JOIN "SubjectNameTerm" t ON t."organizationId" = ${organizationId}::uuid AND t.term % w.word
  ORDER BY w.position, similarity(t.term, w.word) DESC, t.term`;
