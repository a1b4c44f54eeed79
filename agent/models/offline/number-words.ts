/**
 * Numbers people spell out on the floor, in English and German ("two hours", "zwei Stunden",
 * "line two", "Linie zwei"), and ordinals ("the second placer", "der zweite Bestücker"). One table
 * for every slot reader, with and without umlauts, so "fünf" and "fuenf" mean the same everywhere.
 */

const CARDINALS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  ein: 1,
  eine: 1,
  einer: 1,
  einen: 1,
  eins: 1,
  zwei: 2,
  zwo: 2,
  drei: 3,
  vier: 4,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwoelf: 12,
  dreizehn: 13,
  vierzehn: 14,
  fuenfzehn: 15,
  sechzehn: 16,
  siebzehn: 17,
  achtzehn: 18,
  neunzehn: 19,
  zwanzig: 20,
  dreissig: 30,
  vierzig: 40,
  fuenfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
  hundert: 100,
};

/** The number a spelt-out word means ("two", "zwölf", "zwoelf"), or undefined. */
export function numberWord(word: string): number | undefined {
  const plain = word.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return Object.hasOwn(CARDINALS, plain) ? CARDINALS[plain] : undefined;
}

/** Spelt-out numbers that can be a new value ("to sixteen degrees", "auf sieben bar"): not "a"/"an"/"ein", which are articles there. */
const SPELT_VALUES = Object.keys(CARDINALS)
  // Not "one"/"eins" either: "switch it to one line", "auf eins von beiden" name no value.
  .filter((word) => !/^(a|an|ein|eine|einer|einen|one|eins)$/.test(word))
  .sort((a, b) => b.length - a.length);
const SPELT_VALUE = new RegExp(
  `\\b(to|auf|make it|mach(?:e)? (?:es|das|den|die|ihn)|->|→)\\s+(${SPELT_VALUES.join('|')}|f(?:ü|ue)nf\\w*|zw(?:ö|oe)lf|dreißig)\\b`,
  'gi',
);

/** "sechskommafünf", "sechs komma fünf", "six point five": a spelt-out decimal, whole part and one digit after the comma. */
const SPELT_NUMBER = `${Object.keys(CARDINALS).join('|')}|f(?:ü|ue)nf|zw(?:ö|oe)lf|dreißig`;
const SPELT_DECIMAL = new RegExp(`\\b(${SPELT_NUMBER})\\s*(komma|point)\\s*(${SPELT_NUMBER})\\b`, 'gi');

/** "drop the chiller setpoint to sixteen degrees" → "… to 16 degrees": a spelt-out new value, in digits. */
export function speltValuesAsDigits(text: string): string {
  const decimals = text.replace(SPELT_DECIMAL, (whole, wholePart: string, comma: string, fraction: string) => {
    const [units, tenth] = [numberWord(wholePart), numberWord(fraction)];
    if (units === undefined || tenth === undefined || tenth > 9) return whole;
    // German writes the decimal comma, English the point; the value readers take both.
    return `${units}${comma.toLowerCase() === 'komma' ? ',' : '.'}${tenth}`;
  });
  return decimals.replace(SPELT_VALUE, (whole, lead: string, word: string) => {
    const value = numberWord(word);
    return value === undefined ? whole : `${lead} ${value}`;
  });
}

/** Spelt-out numbers that can stand for a line, zone or machine number ("line two"): not "a"/"an"/"ein". */
export const SPELT_DIGITS = Object.keys(CARDINALS).filter((word) => CARDINALS[word]! <= 12 && !/^(a|an|ein|eine|einer|einen)$/.test(word));

const ORDINALS: [RegExp, number][] = [
  [/^(first|1st|erste[nmrs]?|1\.)$/, 1],
  [/^(second|2nd|zweite[nmrs]?|2\.)$/, 2],
  [/^(third|3rd|dritte[nmrs]?|3\.)$/, 3],
  [/^(fourth|4th|vierte[nmrs]?|4\.)$/, 4],
];

/** Words after an ordinal that make it no machine's number: "the second shift", "first time", "zweite Hälfte". */
const NOT_A_MACHINE =
  /^(shift|schicht|time|mal|half|haelfte|hour|stunde|day|tag|week|woche|order|auftrag|lot|los|run|try|versuch|board|boards|platine\w*|reel|rolle)$/;

/** The ordinal number a sentence gives a machine ("the second placer" → 2), if any. Words: normalised tokens. */
export function machineOrdinal(words: readonly string[]): number | undefined {
  for (const [index, word] of words.entries()) {
    const found = ORDINALS.find(([pattern]) => pattern.test(word));
    if (found && !NOT_A_MACHINE.test(words[index + 1] ?? '')) return found[1];
  }
  return undefined;
}
