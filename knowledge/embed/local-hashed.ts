/**
 * Local embeddings that need no model download: the "hashing trick" over lexical features.
 *
 * What it is, honestly: a bag of word stems, word bigrams and character 3–5-grams, each hashed into a
 * fixed number of signed buckets, weighted by sublinear term frequency (1 + ln tf), each feature
 * family L2-normalised and mixed with fixed weights, and the result L2-normalised. It captures
 * shared words, word order locally, and spelling variants (`overheating` ~ `over-temperature`,
 * `nozzle` ~ `nozzles`); it knows no synonyms and no meaning beyond shared character sequences, so
 * it is far weaker than a trained model. It is deterministic, fast, and works air-gapped. Configure
 * OPENAI_EMBEDDINGS_MODEL to use a real embedding model.
 */
import type { Embedder } from './embedder';
import { l2Normalise } from './embedder';

export const LOCAL_EMBEDDINGS_VERSION = 'v1';
export const DEFAULT_LOCAL_DIMENSION = 384;

// Words that carry no topic; dropping them keeps short questions from matching on "the" and "what".
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can do does did for from has have how i if in into is it its me my no not of on or our ' +
    'should so than that the their them then there these they this to was we were what when where which while who why will with ' +
    'would you your shall may must any all also about after before up out off over under more most other only same such very just'
  ).split(' '),
);

/** Porter-lite suffix stripping: enough to join plural and verb forms, nothing clever. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('es') && /(ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Lower-cased word tokens; codes such as `e-214` or `zone4.setpointc` are kept whole as well as split. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const lowered = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  for (const match of lowered.matchAll(/[a-z0-9]+(?:[-.][a-z0-9]+)*/g)) {
    const token = match[0];
    if (/[-.]/.test(token) && /\d/.test(token)) out.push(token);
    for (const part of token.split(/[-.]/)) if (part) out.push(part);
  }
  return out;
}

/** Stemmed words without stopwords: what the embedding and the snippet treat as the text's content. */
export function contentWords(text: string): string[] {
  return tokenize(text)
    .filter((word) => !STOPWORDS.has(word))
    .map(stem);
}

/** FNV-1a, 32-bit. */
function hash(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Family = { seed: number; weight: number; features(words: string[]): string[] };

const FAMILIES: Family[] = [
  { seed: 1, weight: 1.0, features: (words) => words },
  { seed: 2, weight: 0.5, features: (words) => words.slice(1).map((word, i) => `${words[i]} ${word}`) },
  {
    seed: 3,
    weight: 0.8,
    features: (words) => {
      const grams: string[] = [];
      for (const word of words) {
        if (/^\d+$/.test(word)) continue;
        const padded = `<${word}>`;
        for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
      }
      return grams;
    },
  },
];

export function embedLocally(text: string, dimension: number): number[] {
  const words = contentWords(text);
  const vector = new Array<number>(dimension).fill(0);
  for (const family of FAMILIES) {
    const counts = new Map<string, number>();
    for (const feature of family.features(words)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
    const part = new Map<number, number>();
    let sumSquares = 0;
    for (const [feature, count] of counts) {
      const h = hash(feature, family.seed);
      const index = h % dimension;
      // A second hash decides the sign, so collisions cancel out on average instead of piling up.
      const sign = hash(feature, family.seed + 101) & 1 ? 1 : -1;
      part.set(index, (part.get(index) ?? 0) + sign * (1 + Math.log(count)));
    }
    for (const value of part.values()) sumSquares += value * value;
    const scale = sumSquares > 0 ? family.weight / Math.sqrt(sumSquares) : 0;
    for (const [index, value] of part) vector[index]! += value * scale;
  }
  return l2Normalise(vector);
}

export function localHashedEmbedder(dimension: number = DEFAULT_LOCAL_DIMENSION): Embedder {
  return {
    model: `local-hashed-ngram-${LOCAL_EMBEDDINGS_VERSION}`,
    dimension,
    async embed(texts) {
      return texts.map((text) => embedLocally(text, dimension));
    },
  };
}
