/**
 * Word vectors learned from the knowledge base's own passages at ingest: PPMI over co-occurrence
 * windows (ppmi-matrix.ts), factorised by truncated SVD (svd-randomized.ts), rows scaled by the
 * square root of the singular values and L2-normalised. No model file, no download, deterministic
 * for the same passages. They know what this corpus says, nothing else: two terms are close when
 * the manuals use them in the same surroundings.
 */
import { countCooccurrences, ppmiMatrix, type TrainingText } from './ppmi-matrix';
import { randomizedSvd } from './svd-randomized';
import { buildVocabulary } from './vocabulary';

export type TermVectors = {
  terms: string[];
  index: Map<string, number>;
  /** Occurrences of each term in the training passages (for SIF weights). */
  counts: number[];
  totalTokens: number;
  dimension: number;
  /** terms.length × dimension, row-major, each row L2-normalised. */
  vectors: Float32Array;
};

export type TrainOptions = {
  dimension: number;
  windowTerms: number;
  headingWeight: number;
  /** A term seen fewer times has no reliable neighbours. */
  minCount: number;
  /** Caps memory and training time on very large knowledge bases (rarer terms are left out). */
  maxTerms: number;
  /** Weight of singular values in the vectors: U·S^p; 0.5 works better than 1 for similarity (Levy et al. 2015). */
  singularPower: number;
  seed: number;
};

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  dimension: 100,
  windowTerms: 5,
  headingWeight: 0.5,
  minCount: 2,
  maxTerms: 30_000,
  singularPower: 0.5,
  seed: 7,
};

export function trainTermVectors(texts: readonly TrainingText[], options: Partial<TrainOptions> = {}): TermVectors {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const vocabulary = buildVocabulary(
    texts.map((text) => text.body),
    o.minCount,
    o.maxTerms,
  );
  const size = vocabulary.terms.length;
  const dimension = Math.max(1, Math.min(o.dimension, size));
  const vectors = new Float32Array(size * dimension);
  if (size > 1) {
    const matrix = ppmiMatrix(countCooccurrences(texts, vocabulary, { windowTerms: o.windowTerms, headingWeight: o.headingWeight }), size);
    const svd = randomizedSvd(matrix, { rank: dimension, seed: o.seed });
    const scale = Float64Array.from(svd.s, (s) => Math.pow(s, o.singularPower));
    for (let r = 0; r < size; r++) {
      let norm = 0;
      for (let c = 0; c < svd.rank; c++) norm += (svd.u[r * svd.rank + c]! * scale[c]!) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let c = 0; c < svd.rank; c++) vectors[r * dimension + c] = (svd.u[r * svd.rank + c]! * scale[c]!) / norm;
    }
  }
  return { terms: vocabulary.terms, index: vocabulary.index, counts: vocabulary.counts, totalTokens: vocabulary.totalTokens, dimension, vectors };
}

/** Cosine of two terms' vectors (they are unit length), or undefined when either is unknown. */
export function termSimilarity(model: TermVectors, a: string, b: string): number | undefined {
  const i = model.index.get(a);
  const j = model.index.get(b);
  if (i === undefined || j === undefined) return undefined;
  let dot = 0;
  for (let c = 0; c < model.dimension; c++) dot += model.vectors[i * model.dimension + c]! * model.vectors[j * model.dimension + c]!;
  return dot;
}

/** The `n` terms closest to `term`, most similar first (the term itself excluded). */
export function nearestTerms(model: TermVectors, term: string, n: number): { term: string; similarity: number }[] {
  const i = model.index.get(term);
  if (i === undefined) return [];
  const d = model.dimension;
  const best: { term: string; similarity: number }[] = [];
  for (let j = 0; j < model.terms.length; j++) {
    if (j === i) continue;
    let dot = 0;
    for (let c = 0; c < d; c++) dot += model.vectors[i * d + c]! * model.vectors[j * d + c]!;
    if (best.length < n || dot > best[best.length - 1]!.similarity) {
      best.push({ term: model.terms[j]!, similarity: dot });
      best.sort((a, b) => b.similarity - a.similarity || (a.term < b.term ? -1 : 1));
      if (best.length > n) best.pop();
    }
  }
  return best;
}

/** SIF constant: a term's weight is a / (a + p(term)), so frequent terms count for less (Arora et al. 2017). */
export const SIF_A = 1e-3;

/**
 * A text's vector: the SIF-weighted mean of its terms' vectors, L2-normalised; undefined when none of
 * its terms is known.
 */
export function textVector(model: TermVectors, terms: readonly string[]): Float32Array | undefined {
  const d = model.dimension;
  const out = new Float32Array(d);
  let any = false;
  for (const term of terms) {
    const i = model.index.get(term);
    if (i === undefined) continue;
    const weight = SIF_A / (SIF_A + model.counts[i]! / model.totalTokens);
    for (let c = 0; c < d; c++) out[c]! += weight * model.vectors[i * d + c]!;
    any = true;
  }
  if (!any) return undefined;
  let norm = 0;
  for (let c = 0; c < d; c++) norm += out[c]! ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let c = 0; c < d; c++) out[c]! /= norm;
  return out;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let c = 0; c < a.length; c++) dot += a[c]! * b[c]!;
  return dot;
}
