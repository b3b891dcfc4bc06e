/** Name similarity for the pairing fallback: Dice coefficient over character bigrams. */

const SUFFIX_WORDS = new Set(['thumb', 'thumbnail', 'cover', 'poster', 'art', 'image', 'img']);

/** Lowercase words, separators folded, thumbnail words dropped. */
export function normalizeForSimilarity(stem: string): string {
  return stem
    .toLowerCase()
    .split(/[\s_\-.()[\]]+/)
    .filter((word) => word && !SUFFIX_WORDS.has(word))
    .join(' ');
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

function digitRuns(text: string): string {
  return (text.match(/\d+/g) ?? []).map((run) => String(Number(run))).join(',');
}

/**
 * 0..1. Names whose numbers differ ("ep12" and "ep13") score 0: a creator's
 * episode numbers are the one part of a name that must never be fuzzy.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeForSimilarity(a);
  const y = normalizeForSimilarity(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (digitRuns(x) !== digitRuns(y)) return 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const [gram, count] of gx) shared += Math.min(count, gy.get(gram) ?? 0);
  const total = Math.max(1, x.length - 1) + Math.max(1, y.length - 1);
  return (2 * shared) / total;
}
