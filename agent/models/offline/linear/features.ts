/**
 * What the linear intent classifier sees of a request: its words, neighbouring word pairs and the
 * letter n-grams inside each word. The n-grams are what carry it past typos ("temprature"),
 * German compounds ("Temperaturverlauf" shares "verlauf" with "Verlauf") and inflections without
 * a stemmer; digits are folded to one shape so "PO-24124" and "PO-24118" look the same.
 */
import { tokens } from '../text';

const MIN_GRAM = 3;
const MAX_GRAM = 5;

/** A word with its digits folded: "24124" → "00000", "l1" → "l0". */
function shape(word: string): string {
  return word.replace(/\d/g, '0');
}

/** The distinct features of one text, in a fixed order (so training is deterministic). */
export function textFeatures(text: string): string[] {
  const words = tokens(text).map(shape);
  const features = new Set<string>();
  for (const [index, word] of words.entries()) {
    features.add(`w:${word}`);
    if (index > 0) features.add(`b:${words[index - 1]}_${word}`);
    const padded = `<${word}>`;
    if (word.length < MIN_GRAM) continue;
    for (let size = MIN_GRAM; size <= MAX_GRAM; size++)
      for (let start = 0; start + size <= padded.length; start++) features.add(`c:${padded.slice(start, start + size)}`);
  }
  if (words.length > 0) features.add(`s:${words[0]}`);
  return [...features];
}
