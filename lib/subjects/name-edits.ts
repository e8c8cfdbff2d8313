// Edit distance for correcting name words: a letter left out, added, changed, or two letters swapped
// ("smtih" → "smith") each count as one edit (the optimal string alignment distance).

/** The words one deletion or one swap of neighbouring letters away: "smtih" → "mtih", …, "smith". */
export function deletionsAndSwaps(word: string): string[] {
  const letters = [...word];
  const variants = new Set<string>();
  letters.forEach((_, i) => {
    variants.add([...letters.slice(0, i), ...letters.slice(i + 1)].join(""));
    const next = letters[i + 1];
    const current = letters[i];
    if (next !== undefined && current !== undefined && next !== current)
      variants.add([...letters.slice(0, i), next, current, ...letters.slice(i + 2)].join(""));
  });
  variants.delete(word);
  variants.delete("");
  return [...variants];
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[y.length] ?? 0;
}
