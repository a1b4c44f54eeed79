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
  // Bavarian and Austrian: "auf der zwoa", "Linie oans".
  zwoa: 2,
  oans: 1,
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
  `\\b(to|auf|make it|mach(?:e)? (?:es|das|den|die|ihn)|->|→|or|oder|approx\\w*|about|around|circa|ca\\.?|etwa|ungef(?:ä|ae)hr|um die)\\s+(${SPELT_VALUES.join('|')}|f(?:ü|ue)nf\\w*|zw(?:ö|oe)lf|dreißig)\\b`,
  'gi',
);

/** "sechskommafünf", "sechs komma fünf", "six point five": a spelt-out decimal, whole part and one digit after the comma. */
const SPELT_NUMBER = `${Object.keys(CARDINALS).join('|')}|f(?:ü|ue)nf|zw(?:ö|oe)lf|dreißig`;
const SPELT_DECIMAL = new RegExp(`\\b(${SPELT_NUMBER})\\s*(komma|point)\\s*(${SPELT_NUMBER})\\b`, 'gi');

/** "drop the chiller setpoint to sixteen degrees" → "… to 16 degrees": a spelt-out new value, in digits. */
/** "sieben einhalb", "siebeneinhalb", "seven and a half", "6 einhalb": a half after a whole number. */
const SPELT_HALF = /\b([a-zäöüß]+|\d+)\s*(?:und\s+)?(einhalb|and a half)\b/gi;

/** One digit said as a word, English and German ("zwo" on the floor, as on the phone). */
const DIGIT_WORDS: Record<string, string> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  null: '0',
  eins: '1',
  zwei: '2',
  zwo: '2',
  drei: '3',
  vier: '4',
  fünf: '5',
  fuenf: '5',
  sechs: '6',
  sieben: '7',
  acht: '8',
  neun: '9',
};
const DIGIT_WORD = Object.keys(DIGIT_WORDS).join('|');
/** "Auftrag zwei vier eins zwei drei", "order two four one one nine": an order number read out digit by digit. */
const DIGIT_RUN = new RegExp(`(?<![\\p{L}])((?:${DIGIT_WORD})(?:[\\s,-]+(?:${DIGIT_WORD})){4,5})(?![\\p{L}])`, 'giu');

/** "pcs", "Stück", "boards": a count follows, so "1,200" and "1.500" before it are thousands, not decimals. */
const COUNT_UNIT = String.raw`(?:pcs|pieces|st(?:ü|ue)ck|stk|boards?|platinen|units?|parts?|teile|bauteile|reels?|rollen?|modules?|module|ea)\b`;
/** "1,200 pcs", "1.500 Stück", "12 000 boards": a count with thousands separators. */
const SEPARATED_COUNT = new RegExp(String.raw`(?<![\d.,])\d{1,3}(?:[.,'’ ]\d{3})+(?![\d.,]\d)(?=\s*${COUNT_UNIT})`, 'gi');
/** "2k HMI boards", "1.5k pcs": thousands said with "k". */
const THOUSANDS_K = new RegExp(String.raw`(?<![\w.,])(\d+)(?:[.,](\d))?k(?=\s+(?:[\w-]+\s+){0,3}?${COUNT_UNIT})`, 'gi');

/** Counts written with thousands separators or "k", as plain digits: "1,200 pcs" → "1200 pcs", "2k boards" → "2000 boards". */
export function countsAsDigits(given: string): string {
  return given
    .replace(SEPARATED_COUNT, (count) => count.replace(/[.,'’ ]/g, ''))
    .replace(THOUSANDS_K, (_whole, units: string, tenth?: string) => String(Number(units) * 1000 + Number(tenth ?? 0) * 100));
}

/** "to roughly", "auf ungefähr", "to about", "auf so um die": a hedge before the value asked for. */
const VALUE_HEDGE =
  /\b(to|auf)\s+(?:roughly|about|approx(?:imately|\.)?|around|circa|ca\.?|etwa|ungef(?:ä|ae)hr|so um die|um die)\s+(?=\d|[a-zäöüß]+(?:\s|$|-))/gi;

export function speltValuesAsDigits(given: string): string {
  // "to roughly two hundred thirty-five", "auf so um die 180": the hedge between "to" and the value says nothing about it.
  const digits = countsAsDigits(given.replace(VALUE_HEDGE, '$1 ')).replace(DIGIT_RUN, (run: string) =>
    run
      .split(/[\s,-]+/)
      .map((word) => DIGIT_WORDS[word.toLowerCase()] ?? '')
      .join(''),
  );
  const text = digits.replace(SPELT_HALF, (whole, wholePart: string, half: string) => {
    const units = /^\d+$/.test(wholePart) ? Number(wholePart) : numberWord(wholePart);
    if (units === undefined) return whole;
    return half.toLowerCase() === 'einhalb' ? `${units},5` : `${units}.5`;
  });
  const decimals = text.replace(SPELT_DECIMAL, (whole, wholePart: string, comma: string, fraction: string) => {
    const [units, tenth] = [numberWord(wholePart), numberWord(fraction)];
    if (units === undefined || tenth === undefined || tenth > 9) return whole;
    // German writes the decimal comma, English the point; the value readers take both.
    return `${units}${comma.toLowerCase() === 'komma' ? ',' : '.'}${tenth}`;
  });
  // "to two hundred and forty", "auf zweihundertvierzig": a value in several number words, or one German compound.
  const compounds = decimals.replace(SPELT_COMPOUND, (whole, lead: string, words: string, offset: number, all: string) => {
    // "to two hundred and", "auf zweihundert und" at the end: a dictation cut off mid-number gives no value at all.
    if (/^\s*(?:and|und)\s*[.!?]*\s*$/i.test(all.slice(offset + whole.length))) return `${lead} (unfinished)`;
    const value = compoundNumber(words);
    return value === undefined ? whole : `${lead} ${value}`;
  });
  return (
    compounds
      .replace(SPELT_VALUE, (whole, lead: string, word: string) => {
        const value = numberWord(word);
        return value === undefined ? whole : `${lead} ${value}`;
      })
      .replace(SPELT_VALUE_WITH_UNIT, (whole, word: string) => String(numberWord(word) ?? whole))
      // "zweihundertzwanzig komma fünf", "two hundred twenty point five": the decimal after a compound now in digits.
      .replace(/(\d+)\s+(komma|point)\s+([a-zäöüß]+|\d)\b/gi, (whole, units: string, comma: string, fraction: string) => {
        const tenth = /^\d$/.test(fraction) ? Number(fraction) : numberWord(fraction);
        return tenth === undefined || tenth > 9 ? whole : `${units}${comma.toLowerCase() === 'komma' ? ',' : '.'}${tenth}`;
      })
  );
}

/** "should be sixteen degrees", "soll sechzehn Grad haben": a spelt-out number with a unit after it is a value too. */
const SPELT_VALUE_WITH_UNIT = new RegExp(
  `(?<=\\b(?:be|at|is|sein|bei|ist|auf|to|soll|sollte|muss|should|must)\\s+)(${SPELT_VALUES.join('|')}|f(?:ü|ue)nf\\w*|zw(?:ö|oe)lf|dreißig)(?=\\s*(?:degrees?|deg|grad|°|bar|percent|prozent|%|mm\\/s)\\b)`,
  'gi',
);

const UNITS_DE = 'ein|zwei|drei|vier|fuenf|sechs|sieben|acht|neun';
const TENS_DE = 'zwanzig|dreissig|vierzig|fuenfzig|sechzig|siebzig|achtzig|neunzig';
const TEENS_DE = 'zehn|elf|zwoelf|dreizehn|vierzehn|fuenfzehn|sechzehn|siebzehn|achtzehn|neunzehn';
/** One German compound: "zweihundertvierzig", "hundertachtzig", "fünfunddreißig", "zweihundertfünf". */
const GERMAN_COMPOUND = new RegExp(`^(?:(${UNITS_DE})?hundert)?(?:(?:(${UNITS_DE})und)?(${TENS_DE})|(${TEENS_DE})|(${UNITS_DE}|eins))?$`);

/** The value of one German compound or an English run of number words ("two hundred and forty five"), or undefined. */
export function compoundNumber(text: string): number | undefined {
  const plain = text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').trim();
  const german = /\s/.test(plain) ? null : GERMAN_COMPOUND.exec(plain);
  if (german && plain.length > 0 && /hundert|und/.test(plain)) {
    const [, hundreds, unitsBeforeTens, tens, teen, units] = german;
    const hundred = /hundert/.test(plain) ? (hundreds ? numberWord(hundreds)! : 1) * 100 : 0;
    const rest = tens
      ? numberWord(tens)! + (unitsBeforeTens ? numberWord(unitsBeforeTens)! : 0)
      : teen
        ? numberWord(teen)!
        : units
          ? units === 'eins'
            ? 1
            : numberWord(units)!
          : 0;
    return hundred + rest;
  }
  const words = plain.split(/[\s-]+/).filter((word) => word !== 'and');
  if (words.length < 2) return undefined;
  let total = 0;
  let current = 0;
  for (const word of words) {
    const value = numberWord(word);
    if (value === undefined || /^(a|an)$/.test(word)) return undefined;
    if (value === 100) current = (current || 1) * 100;
    // "one sixty", "two forty five", "one eighty": a digit said before tens or teens is the hundreds, as a value is read
    // aloud — never "one sixty" = 61.
    else if (current >= 1 && current <= 9 && value >= 10 && value < 100) current = current * 100 + value;
    else current += value;
  }
  total += current;
  return total > 0 ? total : undefined;
}

/** A lead ("to", "auf", "make it") and the number words after it. */
const ENGLISH_NUMBER_WORDS = Object.keys(CARDINALS).filter(
  (word) => !/^(a|an|ein|eine|einer|einen|eins)$/.test(word) && /^[a-z]+$/.test(word) && !/[äöü]/.test(word),
);
const SPELT_COMPOUND = new RegExp(
  `(?:\\b|(?<=\\s)|(?<=[a-zäöüß\\d]))(to|auf|make it|mach(?:e)? (?:es|das|den|die|ihn)|->|→|-|–|:|\\.|,|or|oder|approx\\w*|about|around|circa|ca\\.?|etwa|ungef(?:ä|ae)hr|um die)\\s+((?:(?:${ENGLISH_NUMBER_WORDS.join('|')})(?:\\s+and)?[\\s-]+)+(?:${ENGLISH_NUMBER_WORDS.join('|')})\\b|[a-zäöüß]*hundert[a-zäöüß]*|[a-zäöüß]+und[a-zäöüß]+zig|[a-zäöüß]+und(?:dreißig|dreissig))`,
  'gi',
);

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

/**
 * "the last hour and a half", "a day and a half late", "anderthalb Tage", "zweieinhalb Stunden": halves as decimals,
 * so the unit after them counts ("anderthalb Tage" is 36 hours, not 1.5). Lower case in, lower case out.
 */
export function halvesAsDecimals(lower: string): string {
  return lower
    .replace(/\b(?:an|one|a) (hour|day)s? and a half\b/g, '1.5 $1s')
    .replace(/\b(last|past|previous) hour and a half\b/g, '$1 1.5 hours')
    .replace(/\b(?:eine )?stunde und (?:eine )?halbe?\b/g, '1.5 stunden')
    .replace(/\b(?:eine[nr]? )?tag und (?:eine[nr]? )?halbe[nr]?\b/g, '1.5 tage')
    .replace(/\b(?:anderthalb|eineinhalb|einhalb|one and a half)\b/g, '1.5')
    .replace(/\b(?:zweieinhalb|two and a half)\b/g, '2.5')
    .replace(/\b(?:dreieinhalb|three and a half)\b/g, '3.5');
}
