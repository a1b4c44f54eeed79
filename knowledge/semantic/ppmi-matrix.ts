/**
 * Word–context co-occurrence counted over sliding windows, turned into positive pointwise mutual
 * information (PPMI). PPMI says how much more often two terms appear near each other than chance
 * would have them; factorised (svd-randomized.ts) it gives word vectors in which terms used in the
 * same surroundings lie close even when they never appear together ("limit switch" ~ "endstop" when
 * both sit next to "triggered", "homing", "axis").
 *
 * Choices, from Levy, Goldberg & Dagan (2015), "Improving distributional similarity with lessons
 * learned from word embeddings": harmonic window weighting (a neighbour d words away counts 1/d),
 * context counts smoothed to the power 0.75 (rare contexts otherwise get inflated PMI).
 */
import type { Vocabulary } from './vocabulary';

/** Compressed sparse rows: row r's columns are cols[rowStart[r] .. rowStart[r + 1]). */
export type SparseMatrix = { rows: number; cols: number; rowStart: Int32Array; colIndex: Int32Array; values: Float64Array };

export type CooccurrenceOptions = {
  /** Terms on each side that count as context. */
  windowTerms: number;
  /**
   * Weight with which a passage's heading terms count as context of every term in its body: the
   * heading says what the passage is about, so its words are the context that matters most in a
   * manual. 0 turns it off.
   */
  headingWeight: number;
};

export type TrainingText = { heading: readonly string[]; body: readonly string[] };

/** Symmetric weighted co-occurrence counts of vocabulary terms. */
export function countCooccurrences(texts: readonly TrainingText[], vocabulary: Vocabulary, options: CooccurrenceOptions): Map<number, number> {
  const size = vocabulary.terms.length;
  const counts = new Map<number, number>();
  const add = (a: number, b: number, weight: number) => {
    if (a === b) return;
    const key = a * size + b;
    counts.set(key, (counts.get(key) ?? 0) + weight);
  };
  for (const text of texts) {
    const body = text.body.map((term) => vocabulary.index.get(term) ?? -1);
    for (let i = 0; i < body.length; i++) {
      const a = body[i]!;
      if (a < 0) continue;
      for (let d = 1; d <= options.windowTerms && i + d < body.length; d++) {
        const b = body[i + d]!;
        if (b < 0) continue;
        add(a, b, 1 / d);
        add(b, a, 1 / d);
      }
    }
    if (options.headingWeight > 0) {
      const heading = [...new Set(text.heading.map((term) => vocabulary.index.get(term) ?? -1).filter((id) => id >= 0))];
      const bodyTerms = [...new Set(body.filter((id) => id >= 0))];
      for (const h of heading)
        for (const b of bodyTerms) {
          add(h, b, options.headingWeight);
          add(b, h, options.headingWeight);
        }
    }
  }
  return counts;
}

/** Context-distribution smoothing exponent (Levy et al. 2015). */
export const CONTEXT_SMOOTHING = 0.75;

/** PPMI of the counts as a sparse matrix, rows and columns in vocabulary order. */
export function ppmiMatrix(counts: Map<number, number>, size: number): SparseMatrix {
  const rowSums = new Float64Array(size);
  for (const [key, value] of counts) rowSums[Math.floor(key / size)]! += value;
  // The counts are symmetric, so a column's total is its row's total.
  let smoothedTotal = 0;
  const smoothed = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    smoothed[i] = Math.pow(rowSums[i]!, CONTEXT_SMOOTHING);
    smoothedTotal += smoothed[i]!;
  }
  const entries: { row: number; col: number; value: number }[] = [];
  for (const [key, value] of counts) {
    const row = Math.floor(key / size);
    const col = key - row * size;
    const pmi = Math.log((value * smoothedTotal) / (rowSums[row]! * smoothed[col]!));
    if (pmi > 0) entries.push({ row, col, value: pmi });
  }
  entries.sort((a, b) => a.row - b.row || a.col - b.col);
  const rowStart = new Int32Array(size + 1);
  for (const entry of entries) rowStart[entry.row + 1]!++;
  for (let i = 0; i < size; i++) rowStart[i + 1]! += rowStart[i]!;
  return {
    rows: size,
    cols: size,
    rowStart,
    colIndex: Int32Array.from(entries, (entry) => entry.col),
    values: Float64Array.from(entries, (entry) => entry.value),
  };
}
