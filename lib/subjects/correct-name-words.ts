import "server-only";

import { pooledSql } from "@/lib/db/sql";
import { buildClosestNameTermsSql, type NameTermRow } from "@/lib/subjects/correct-name-words.sql";

const MAX_WORDS = 4;

/**
 * Each word of a name query replaced by the most similar word of the organization's subjects'
 * names (pg_trgm similarity over the SubjectNameTerm dictionary, a small table), or null when no
 * word has a close match. "maria lopze" → "maria lopez". One query for all the words.
 */
export async function correctNameWords(
  organizationId: string,
  name: string,
): Promise<string | null> {
  const words = name.split(" ").filter(Boolean).slice(0, MAX_WORDS);
  const best = await pooledSql.query<NameTermRow>(buildClosestNameTermsSql(organizationId, words));
  const byPosition = new Map(best.map((row) => [row.position, row.term]));
  const corrected = words.map((word, index) => byPosition.get(index + 1) ?? word);
  return corrected.some((word, index) => word !== words[index]) ? corrected.join(" ") : null;
}
