/**
 * The terms word vectors are learned for: lower-cased words reduced to their English stem, stop
 * words and bare numbers dropped. The same function turns a query and a passage into terms, so both
 * sides meet on the same keys ("endstops" and "endstop" are one term).
 */
import { isStopword, stemsOf, words } from '../rank/terms';

/** Shorter words are mostly noise (units, single letters of axis names). */
const MIN_TERM_CHARS = 2;

/** A text as the sequence of its terms, in order. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length < MIN_TERM_CHARS || isStopword(word) || /^\d+$/.test(word)) continue;
    out.push(stemsOf(word)[0]!);
  }
  return out;
}

export type Vocabulary = {
  terms: string[];
  index: Map<string, number>;
  /** Occurrences of each term in the training texts. */
  counts: number[];
  /** All term occurrences counted, kept or not. */
  totalTokens: number;
};

/**
 * Terms seen at least `minCount` times, the most frequent `maxTerms` of them; ties broken by the
 * term itself so the vocabulary does not depend on document order.
 */
export function buildVocabulary(texts: readonly (readonly string[])[], minCount: number, maxTerms: number): Vocabulary {
  const counts = new Map<string, number>();
  let totalTokens = 0;
  for (const text of texts)
    for (const term of text) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
      totalTokens++;
    }
  const kept = [...counts.entries()]
    .filter(([, count]) => count >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxTerms);
  const terms = kept.map(([term]) => term);
  return { terms, index: new Map(terms.map((term, i) => [term, i])), counts: kept.map(([, count]) => count), totalTokens };
}
