/**
 * Passage-level reranking of the fused candidates: no model, no training. A passage that holds more
 * of what the question asks about — weighted by how rare each thing is among the candidates — and
 * holds it close together (one sentence, not scattered over a page) ranks higher; the fused rank
 * from full text and vectors stays in as a prior. The question's words are compared by stem (English
 * and German) and by the plant's synonyms, so "pnp nozzle" meets "pick-and-place … nozzle".
 *
 * Why local rarity and not the corpus's: the candidates are what the index already found; a word
 * all of them share says nothing about which one answers.
 */
import { SYNONYM_GROUPS } from './synonyms';
import { queryTerms, stemPositions, stemsOf, words } from './terms';

/** One thing the question asks about: matched when any alternative has all of its words (by stem). */
type Concept = { label: string; alternatives: (readonly (readonly string[])[])[] };

/** A passage: its headings from the document's top down, and its text. */
export type RerankCandidate = { sectionPath: readonly string[]; body: string };

export type RerankWeights = {
  /** Weight of the rarity-weighted share of concepts the passage holds. */
  coverage: number;
  /** Weight of the same share within the best window of `windowTokens` consecutive words. */
  proximity: number;
  /** Weight of the share of concepts in the passage's headings. */
  heading: number;
  /** Weight of the fused rank prior, 1 / (1 + rank / priorScale). */
  prior: number;
  windowTokens: number;
  priorScale: number;
};

export const DEFAULT_RERANK_WEIGHTS: RerankWeights = { coverage: 1, proximity: 0.6, heading: 0.3, prior: 0.5, windowTokens: 24, priorScale: 5 };

/** Synonym phrases as word lists, longest first, so "solder paste inspection" wins over "solder paste". */
const PHRASES = SYNONYM_GROUPS.flatMap((group, groupIndex) => group.map((phrase) => ({ groupIndex, words: words(phrase) })))
  .filter((phrase) => phrase.words.length > 0)
  .sort((a, b) => b.words.length - a.words.length);

const stemList = (phraseWords: readonly string[]) => phraseWords.map((word) => stemsOf(word));

/** The concepts of a question: synonym groups it names, then its remaining content words. */
export function conceptsOf(question: string): Concept[] {
  const tokens = words(question);
  const used = new Array<boolean>(tokens.length).fill(false);
  const concepts: Concept[] = [];
  const groups = new Set<number>();
  for (const phrase of PHRASES) {
    for (let start = 0; start + phrase.words.length <= tokens.length; start++) {
      if (phrase.words.some((word, i) => used[start + i] || tokens[start + i] !== word)) continue;
      for (let i = 0; i < phrase.words.length; i++) used[start + i] = true;
      if (!groups.has(phrase.groupIndex)) {
        groups.add(phrase.groupIndex);
        const group = SYNONYM_GROUPS[phrase.groupIndex]!;
        concepts.push({ label: group[0]!, alternatives: group.map((member) => stemList(words(member))) });
      }
    }
  }
  const rest = tokens.filter((_, i) => !used[i]).join(' ');
  for (const term of queryTerms(rest)) concepts.push({ label: term.word, alternatives: [[term.stems]] });
  return concepts;
}

/** Token positions where a concept occurs in a passage (the first word of a matching alternative), or none. */
function occurrences(concept: Concept, positions: Map<string, number[]>): number[] {
  const found: number[] = [];
  for (const alternative of concept.alternatives) {
    const perWord = alternative.map((stems) => stems.flatMap((stem) => positions.get(stem) ?? []));
    if (perWord.some((list) => list.length === 0)) continue;
    found.push(...perWord[0]!);
  }
  return found;
}

/** The largest rarity weight of concepts found together within `window` consecutive tokens. */
function bestWindow(hits: { position: number; concept: number }[], weights: number[], window: number): number {
  hits.sort((a, b) => a.position - b.position);
  const inWindow = new Map<number, number>();
  let best = 0;
  let weight = 0;
  let left = 0;
  for (const hit of hits) {
    const count = inWindow.get(hit.concept) ?? 0;
    if (count === 0) weight += weights[hit.concept]!;
    inWindow.set(hit.concept, count + 1);
    while (hit.position - hits[left]!.position >= window) {
      const leaving = hits[left]!.concept;
      const remaining = inWindow.get(leaving)! - 1;
      inWindow.set(leaving, remaining);
      if (remaining === 0) weight -= weights[leaving]!;
      left++;
    }
    best = Math.max(best, weight);
  }
  return best;
}

/** Reorders candidates (given best first) by coverage, proximity and heading match, with their order as prior. */
export function rerankPassages<T extends RerankCandidate>(question: string, candidates: readonly T[], weights: RerankWeights = DEFAULT_RERANK_WEIGHTS): T[] {
  const concepts = conceptsOf(question);
  if (concepts.length === 0 || candidates.length < 2) return [...candidates];
  const bodies = candidates.map((candidate) => stemPositions(candidate.body));
  const headings = candidates.map((candidate) => stemPositions(candidate.sectionPath.join(' ')));
  const found = bodies.map((positions, i) =>
    concepts.map((concept) => occurrences(concept, positions).concat(occurrences(concept, headings[i]!).length > 0 ? [-1] : [])),
  );
  // Rarity among the candidates: log((N + 1) / (n + 0.5)), where n candidates hold the concept.
  const n = candidates.length;
  const rarity = concepts.map((_, c) => Math.log((n + 1) / (found.filter((perConcept) => perConcept[c]!.length > 0).length + 0.5)));
  const total = rarity.reduce((sum, w) => sum + w, 0) || 1;
  const scored = candidates.map((candidate, i) => {
    let covered = 0;
    let inHeading = 0;
    const hits: { position: number; concept: number }[] = [];
    concepts.forEach((concept, c) => {
      const list = found[i]![c]!;
      if (list.length === 0) return;
      covered += rarity[c]!;
      if (list.includes(-1)) inHeading += rarity[c]!;
      for (const position of list) if (position >= 0) hits.push({ position, concept: c });
    });
    const proximity = bestWindow(hits, rarity, weights.windowTokens);
    const score =
      (weights.coverage * covered + weights.proximity * proximity + weights.heading * inHeading) / total + weights.prior / (1 + i / weights.priorScale);
    return { candidate, score, i };
  });
  return scored.sort((a, b) => b.score - a.score || a.i - b.i).map((entry) => entry.candidate);
}

/** The question with the other names of the things it names appended, for the full-text and vector lists. */
export function expandWithSynonyms(question: string): string {
  const tokens = words(question);
  const text = ` ${tokens.join(' ')} `;
  const added: string[] = [];
  for (const group of SYNONYM_GROUPS) {
    if (!group.some((member) => text.includes(` ${words(member).join(' ')} `))) continue;
    for (const member of group) if (!text.includes(` ${words(member).join(' ')} `)) added.push(member);
  }
  return added.length > 0 ? `${question} ${added.join(' ')}` : question;
}
