/**
 * Reranks the fused candidates with what the corpus-trained term vectors know, on top of the lexical
 * evidence the engine already has. A candidate's score is the sum of
 *  - its fused (RRF) rank as a prior, 1 / (1 + rank / 20);
 *  - its rank under the lexical passage reranker (rank/rerank.ts: coverage, proximity, headings), same form;
 *  - the cosine between the question's and the passage's SIF-weighted mean term vectors;
 *  - half its soft coverage of the question (soft-coverage.ts).
 * Equal weights, one scale: chosen on the public dev split and our own question set together, where
 * they beat each part alone and every variant tried (dimension, window, weights) by no more than one
 * or two questions; they were not fitted further, so as not to fit 47 questions.
 */
import { rerankPassages, type RerankCandidate } from '../rank/rerank';
import { softCoverageScorer } from './soft-coverage';
import { cosine, textVector, type TermVectors } from './term-vectors';
import { termsOf } from './vocabulary';

export type SemanticWeights = {
  fusedPrior: number;
  lexicalPrior: number;
  /** Rank at which a prior has fallen to half. */
  priorScale: number;
  passageSimilarity: number;
  softCoverage: number;
};

export const DEFAULT_SEMANTIC_WEIGHTS: SemanticWeights = { fusedPrior: 1, lexicalPrior: 1, priorScale: 20, passageSimilarity: 1, softCoverage: 0.5 };

/** A candidate as the term vectors see it: headings (title > sections) and body. */
export type SemanticCandidate = RerankCandidate & { id: string; headingText?: string };

/** Reorders candidates (given best first) by the combined score; ties keep the given order. */
export function semanticRerank<T extends SemanticCandidate>(
  question: string,
  candidates: readonly T[],
  model: TermVectors,
  weights: SemanticWeights = DEFAULT_SEMANTIC_WEIGHTS,
): T[] {
  if (candidates.length < 2) return [...candidates];
  const questionTerms = termsOf(question);
  const questionVector = textVector(model, questionTerms);
  const coverage = softCoverageScorer(model, questionTerms);
  const lexicalRank = new Map(rerankPassages(question, candidates).map((candidate, rank) => [candidate.id, rank]));
  const prior = (rank: number) => 1 / (1 + rank / weights.priorScale);
  const scored = candidates.map((candidate, i) => {
    const terms = termsOf(`${candidate.headingText ?? candidate.sectionPath.join(' ')}\n${candidate.body}`);
    const passageVector = textVector(model, terms);
    const similarity = questionVector && passageVector ? cosine(questionVector, passageVector) : 0;
    const score =
      weights.fusedPrior * prior(i) +
      weights.lexicalPrior * prior(lexicalRank.get(candidate.id) ?? i) +
      weights.passageSimilarity * similarity +
      weights.softCoverage * coverage(new Set(terms));
    return { candidate, score, i };
  });
  return scored.sort((a, b) => b.score - a.score || a.i - b.i).map((entry) => entry.candidate);
}
