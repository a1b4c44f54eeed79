/**
 * Words to comparable terms for passage ranking, in English and German: lower-cased word tokens,
 * stop words dropped, each reduced to its stems by NLP.js's English and German (Snowball-style)
 * stemmers. A word gets both stems because a plant's manuals and questions mix the two languages
 * ("Lötpaste", "solder paste"); the German stemmer also folds umlauts, so "Bestückautomaten" and
 * "Bestuckautomat" meet. Stems are cached: a plant's vocabulary is small and the same passages are
 * ranked again and again.
 */
import { StemmerEn, StopwordsEn } from '@nlpjs/lang-en-min';
import { StemmerDe } from '@nlpjs/lang-de';

const english = new StemmerEn();
const german = new StemmerDe();
const englishStopwords = new StopwordsEn();

// NLP.js ships no German stop words; these are the function words of everyday plant German.
const GERMAN_STOPWORDS = new Set(
  (
    'der die das den dem des ein eine einen einem einer eines und oder aber wie was wer wo wann warum ' +
    'ist sind war waren wird werden wurde hat haben hatte kann können muss müssen soll sollen darf dürfen ' +
    'ich du er sie es wir ihr man mich mir uns ist nicht kein keine mit von zu zum zur im in am an auf aus ' +
    'bei für über unter nach vor bis durch um als auch noch schon nur so da dann denn wenn ob dass bitte mal'
  ).split(' '),
);

/** Words too short to carry meaning, unless they are digits or an abbreviation we expand elsewhere. */
const MIN_WORD_LENGTH = 2;

const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 50_000;

export function isStopword(word: string): boolean {
  return englishStopwords.isStopword(word) || GERMAN_STOPWORDS.has(word);
}

/** Lower-cased word tokens (letters incl. umlauts and ß, digits), in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The stems a word stands for (one or two: English and German). */
export function stemsOf(word: string): readonly string[] {
  let stems = cache.get(word);
  if (stems) return stems;
  const en = english.stem(word);
  const de = german.stem(word).toLowerCase();
  stems = en === de ? [en] : [en, de];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stems);
  return stems;
}

/** The content words of a query, each with its stems. */
export function queryTerms(text: string): { word: string; stems: readonly string[] }[] {
  const seen = new Set<string>();
  const terms: { word: string; stems: readonly string[] }[] = [];
  for (const word of words(text)) {
    // Numbers carry meaning here (zone 4, 85 dBA) though NLP.js lists digits as stop words.
    const number = /\d/.test(word);
    if (seen.has(word) || (!number && (isStopword(word) || word.length < MIN_WORD_LENGTH))) continue;
    seen.add(word);
    terms.push({ word, stems: stemsOf(word) });
  }
  return terms;
}

/** A passage as positions of stems: each stem with the token positions it occurs at. */
export function stemPositions(text: string): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  words(text).forEach((word, index) => {
    for (const stem of stemsOf(word)) {
      const list = positions.get(stem);
      if (list) list.push(index);
      else positions.set(stem, [index]);
    }
  });
  return positions;
}
