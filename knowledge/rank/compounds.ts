/**
 * German compounds split into the plant words they are made of, so a question that says
 * "Rakeldruck" or "Pastenvolumen" finds the manual's "squeegee pressure" and "paste volume": the
 * synonyms match whole words, and German writes these as one. Only splits into two words that are
 * both in the plant's synonym list, with the linking letters German puts between them
 * ("Zone-n-temperatur", "Schicht-s-übergabe"); anything else stays as it was typed.
 */
import { SYNONYM_GROUPS } from './synonyms';
import { words } from './terms';

/** The one-word members of the synonym groups: the parts a compound may be split into. */
const PARTS = new Set(SYNONYM_GROUPS.flatMap((group) => group.filter((member) => !/[\s-]/.test(member))));

/** Letters German puts between the two halves of a compound ("Pasten-volumen", "Schicht-s-übergabe"). */
const LINKING = ['', 's', 'n', 'en', 'es', 'e'];
/** Endings a compound's last half may carry ("Rakeldrucks", "Zonentemperaturen"). */
const ENDINGS = ['', 's', 'n', 'en', 'e', 'es'];
const MIN_PART_LETTERS = 3;

function knownPart(word: string, endings: readonly string[]): string | undefined {
  for (const ending of endings) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, word.length - ending.length);
    if (stem.length >= MIN_PART_LETTERS && PARTS.has(stem)) return stem;
  }
  return undefined;
}

/** The two plant words a compound is made of, or none. */
export function compoundParts(word: string): [string, string] | undefined {
  if (PARTS.has(word) || word.length < 2 * MIN_PART_LETTERS) return undefined;
  for (let cut = MIN_PART_LETTERS; cut <= word.length - MIN_PART_LETTERS; cut++) {
    const head = word.slice(0, cut);
    const tail = knownPart(word.slice(cut), ENDINGS);
    if (!tail) continue;
    for (const linking of LINKING) {
      if (!head.endsWith(linking)) continue;
      const first = head.slice(0, head.length - linking.length);
      if (first.length >= MIN_PART_LETTERS && PARTS.has(first)) return [first, tail];
    }
  }
  return undefined;
}

/** The question with the parts of its compounds added after it ("Rakeldruck zu hoch" + "rakel druck"). */
export function withCompoundParts(question: string): string {
  const added = words(question).flatMap((word) => compoundParts(word) ?? []);
  return added.length > 0 ? `${question} ${added.join(' ')}` : question;
}
