/**
 * Text similarity for Chinese without a word segmenter: character bigrams (the same unit the
 * search index uses, see DESIGN.md) and longest common subsequence for short labels.
 */

/** Multiset of character bigrams of `text` (spaces, digits and punctuation removed first). */
export function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/[\s\d\p{P}\p{S}a-zA-Z]/gu, '')];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * Dice coefficient of the bigram multisets: 2·|A∩B| / (|A|+|B|), from 0 (nothing shared)
 * to 1 (same bigrams). Digits are ignored so that a copy with only the year and figures
 * changed still scores as a copy.
 */
export function bigramSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of ga.values()) sizeA += n;
  for (const [gram, n] of gb) {
    sizeB += n;
    shared += Math.min(n, ga.get(gram) ?? 0);
  }
  if (sizeA + sizeB === 0) return 0;
  return (2 * shared) / (sizeA + sizeB);
}

/** Length of the longest common subsequence of two short strings. */
export function lcsLength(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      row[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    }
    prev = row;
  }
  return prev[y.length];
}

/**
 * How well a printed label matches an expected one, 0..1: the common subsequence measured
 * against the longer of the two, so that a truncated or garbled label (其他法律行政止公开)
 * still scores high while a short unrelated word does not.
 */
export function labelSimilarity(printed: string, expected: string): number {
  if (printed === expected) return 1;
  const longer = Math.max([...printed].length, [...expected].length);
  if (longer === 0) return 0;
  return lcsLength(printed, expected) / longer;
}
