import "server-only";

import { pooledSql } from "@/lib/db/sql";
import {
  buildNameTermCandidatesSql,
  type NameTermRow,
} from "@/lib/subjects/correct-name-words.sql";
import { deletionsAndSwaps, editDistance } from "@/lib/subjects/name-edits";

const MAX_WORDS = 4;

/** Fewest edits first (a swap is one), then the most similar by trigrams, then alphabetical. */
function isBetter(candidate: NameTermRow, best: NameTermRow | undefined, word: string): boolean {
  if (!best) return true;
  const byEdits = editDistance(candidate.term, word) - editDistance(best.term, word);
  if (byEdits !== 0) return byEdits < 0;
  if (candidate.similarity !== best.similarity) return candidate.similarity > best.similarity;
  return candidate.term < best.term;
}

/**
 * Each word of a name query replaced by the closest word of the organization's subjects' names
 * (the SubjectNameTerm dictionary, a small table), or null when no word has a close match.
 * "maira lopze" → "maria lopez". One query for all the words.
 */
export async function correctNameWords(
  organizationId: string,
  name: string,
): Promise<string | null> {
  const words = name.split(" ").filter(Boolean).slice(0, MAX_WORDS);
  const variants = words.flatMap((word, index) =>
    deletionsAndSwaps(word).map((term) => ({ position: index + 1, term })),
  );
  const candidates = await pooledSql.query<NameTermRow>(
    buildNameTermCandidatesSql(organizationId, words, variants),
  );
  const best = new Map<number, NameTermRow>();
  for (const candidate of candidates) {
    const word = words[candidate.position - 1] ?? "";
    if (isBetter(candidate, best.get(candidate.position), word))
      best.set(candidate.position, candidate);
  }
  const corrected = words.map((word, index) => best.get(index + 1)?.term ?? word);
  return corrected.some((word, index) => word !== words[index]) ? corrected.join(" ") : null;
}
