/**
 * How much of a question a passage covers when near-synonyms count: each question term is matched
 * exactly, or else by the passage term most similar to it in the corpus-trained vectors, that
 * similarity cubed (so 0.9 counts 0.73, 0.5 only 0.13: only close neighbours stand in for a word).
 * Terms weigh by their rarity in the corpus (log N / count; a term the model never saw counts as
 * rare). The result is a share in [0, 1].
 */
import type { TermVectors } from './term-vectors';

/** Exponent on a stand-in term's similarity. */
export const STAND_IN_POWER = 3;

export type SoftCoverageScorer = (passageTerms: ReadonlySet<string>) => number;

/**
 * A scorer for one question. Similarities of each distinct passage term to the question's terms are
 * computed once per question and reused across candidates, so fifty passages cost a few thousand
 * dot products, not fifty times that.
 */
export function softCoverageScorer(model: TermVectors, questionTerms: readonly string[]): SoftCoverageScorer {
  const terms = [...new Set(questionTerms)];
  const logTotal = Math.log(Math.max(model.totalTokens, 2));
  const weights = terms.map((term) => {
    const i = model.index.get(term);
    return i === undefined ? logTotal : Math.log(model.totalTokens / model.counts[i]!);
  });
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const known = terms.map((term) => model.index.get(term));
  const d = model.dimension;
  const similarities = new Map<string, Float32Array>();
  const similaritiesOf = (passageTerm: string): Float32Array | undefined => {
    const j = model.index.get(passageTerm);
    if (j === undefined) return undefined;
    let row = similarities.get(passageTerm);
    if (!row) {
      row = new Float32Array(terms.length);
      known.forEach((i, t) => {
        if (i === undefined) return;
        let dot = 0;
        for (let c = 0; c < d; c++) dot += model.vectors[i * d + c]! * model.vectors[j * d + c]!;
        row![t] = dot;
      });
      similarities.set(passageTerm, row);
    }
    return row;
  };
  return (passageTerms) => {
    if (totalWeight === 0) return 0;
    const best = new Float32Array(terms.length);
    terms.forEach((term, t) => {
      if (passageTerms.has(term)) best[t] = 1;
    });
    for (const passageTerm of passageTerms) {
      const row = similaritiesOf(passageTerm);
      if (!row) continue;
      for (let t = 0; t < terms.length; t++) if (row[t]! > best[t]!) best[t] = row[t]!;
    }
    let covered = 0;
    for (let t = 0; t < terms.length; t++) covered += weights[t]! * (best[t]! >= 1 ? 1 : Math.max(best[t]!, 0) ** STAND_IN_POWER);
    return covered / totalWeight;
  };
}
