/**
 * What speech-to-text makes of a request dictated on the floor (gloves on, headset or phone): the wake word said first
 * ("hey plantpilot, …"), abbreviations spelt letter by letter ("the s p i", "a o i", "ay oh eye"), plant words heard as
 * others ("pig and place", "re flow", "der offen auf lini zwei", "kalt wasser satz", "würt") and clock times in words
 * ("from six to eight this morning", "seit sechs uhr"). Mended before anything else reads the words, so a dictated
 * request is read as the typed one. (Fillers, "line to" and "zone for" are text.ts's; spelt values number-words.ts's.)
 */
import { numberWord, SPELT_DIGITS } from './number-words';

/** "hey plantpilot", "ok copilot", "hey plant pilot": the assistant's name said to wake it, no part of the request. */
const WAKE_WORD = /^\s*(?:(?:hey|hi|ok|okay|hallo|yo)\s+)?(?:plant\s?pilot|co-?pilot)\b[\s,:!.–-]*/i;

/** Abbreviations the plant uses, which dictation spells letter by letter: "s p i" → "SPI". */
const ACRONYMS = new Set([
  'spi',
  'aoi',
  'ict',
  'amr',
  'oee',
  'hmi',
  'pnp',
  'rul',
  'fpy',
  'smt',
  'pcb',
  'asn',
  'esd',
  'msl',
  'loto',
  'kpi',
  'mtbf',
  'mttr',
  'wip',
  'cpu',
  'agv',
]);

/** Letters as the recogniser writes their names: "ay oh eye" (AOI), "es pee eye" (SPI), "eye see tee" (ICT). */
const LETTER_NAMES: Record<string, string> = {
  ay: 'a',
  oh: 'o',
  eye: 'i',
  es: 's',
  pee: 'p',
  see: 'c',
  tee: 't',
  em: 'm',
  ar: 'r',
  ee: 'e',
  aitch: 'h',
  bee: 'b',
};

const SPELT_LETTERS = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:[a-z]|${Object.keys(LETTER_NAMES).join('|')})[\s.-]+){1,3}(?:[a-z]|${Object.keys(LETTER_NAMES).join('|')})(?![\p{L}])`,
  'giu',
);

/** Plant words heard as others. Each pattern only where the misheard word cannot mean itself. */
const HEARD_AS: [RegExp, string][] = [
  [/\b(?:pig|pic|pik|pick) (?:and|n|in|an) place\b/gi, 'pick and place'],
  [/\b(?:re|ree|rie) ?-?flow\b/gi, 'reflow'],
  [/\bchill er\b/gi, 'chiller'],
  [/\bcompresser\b/gi, 'compressor'],
  [/\bkompresser\b/gi, 'Kompressor'],
  [/\bsqueaky (?=pressure|blade)/gi, 'squeegee '],
  [/\bkalt ?wasser ?satz\b/gi, 'Kaltwassersatz'],
  [/\bl(?:ö|oe)t ?offen\b/gi, 'Lötofen'],
  [/\brakel druck\b/gi, 'Rakeldruck'],
  [/\b(?:worth|wurth|würt|wuert|wirth) electronics?\b|\bw(?:ü|u)rt\b/gi, 'Würth'],
  // "der offen auf lini zwei": "offen" (open) after an article or before a line is the oven; "die offenen Aufträge" is not.
  [/\b(der|den|dem|am|vom|im|zum|beim) offen\b(?!\s+(?:ist|sind|war|bleibt|lassen|stehen)\b)/gi, '$1 Ofen'],
  [/\boffen(?=\s+(?:auf|an|in|von)?\s*(?:der\s+)?(?:linie|lini|line|l)\s*\S)/gi, 'Ofen'],
  [/\blini\b/gi, 'Linie'],
  [/\block out\b/gi, 'lockout'],
  // "zone für vom Reflow": German dictation hears "vier" as "für" where no "for" can stand.
  [/\bzone für(?=\s+(?:vom|von|am|auf|im|des|der|beim|bei)\b|\s*[,.?!]|\s*$)/gi, 'Zone 4'],
  [/\blinien (?=(?:eins|zwei|zwo|1|2)\b)/gi, 'Linie '],
  // "auf der zweier linie", "die einser Linie": the line by its number word.
  [/\b(?:der |die )?(einser|zweier) linie\b/gi, 'Linie $1'],
];

/** A machine, zone or priority and its number as a word (and a second one: "prio eins und zwei"). */
const NUMBERED_WORD =
  /\b(pick and place|placer|pnp|chip ?shooter|bestücker|bestuecker|zone|prio(?:rity|rität|ritaet)?|feeder|run)\s+([a-zäöüß]+)(?:\s+(and|und|or|oder)\s+([a-zäöüß]+))?\b/gi;

/** "from six to eight this morning", "seit sechs uhr", "ab halb sieben": a clock time said in words, as digits. */
const CLOCK_WORDS =
  /\b(from|von|since|seit|between|zwischen|ab|bis|until|till|to|and|und|at|um)\s+([a-zäöüß]+)(?=\s+(?:to|bis|and|und|uhr|o'?clock|this|today|heute|yesterday|gestern|last|letzte\w*|am|pm|morning|morgens|früh|frueh|abends?|nachts?|evening|night|tonight)\b|\s*[,.?!]|\s*$)/gi;

function lettersJoined(spelt: string): string {
  const letters = spelt
    .toLowerCase()
    .split(/[\s.-]+/)
    .map((letter) => LETTER_NAMES[letter] ?? letter)
    .join('');
  return ACRONYMS.has(letters) ? letters.toUpperCase() : spelt;
}

/**
 * "den Ofen Linie 2 stoppen bitte der Blower vibriert wie Sau", "halt den mal an Feeder is leer", "der Fehler is behoben
 * mach mal nen Reset": German dictated (or thumbed) without a stop between request and reason — the clauses broken where
 * a new one plainly begins, so the request is read by itself. Only in a message with no punctuation at all.
 */
function withGermanClausesBroken(text: string): string {
  if (/[.,;:!?–—]/.test(text)) return text;
  return (
    text
      // "… stoppen bitte der Blower …": a "bitte" closes the request, an article opens the reason.
      .replace(/\b(bitte)\s+(?=(?:weil|da|denn)\s|(?:der|die|das)\s+\p{L}+\s+\p{L}*t\b)/giu, '$1, ')
      // "… halt den mal an Feeder is leer": a separable verb's particle ends the request before a clause of its own.
      .replace(/\b(mal|bitte|sofort|schnell)\s+(an|aus|ab|ein|weiter|runter|hoch)\s+(?=\p{L}+\s+(?:is|ist|sind|hat|war|läuft|laeuft|geht)\b)/giu, '$1 $2, ')
      // "… is behoben mach mal nen Reset": a request that begins after the reason.
      .replace(/(?<=\p{L})\s+(?=(?:mach|stell|setz|fahr|start|stopp)\w*\s+(?:mal|bitte|ma|doch)\b)/giu, ', ')
  );
}

export function withDictationMended(text: string): string {
  let mended = withGermanClausesBroken(text).replace(WAKE_WORD, '');
  if (mended.trim() === '') mended = text;
  mended = mended.replace(SPELT_LETTERS, lettersJoined);
  for (const [heard, meant] of HEARD_AS) mended = mended.replace(heard, meant);
  // "einser", "zweier" as the number they name once the line comes first.
  mended = mended.replace(/\bLinie (einser|zweier)\b/g, (_whole, word: string) => `Linie ${word.startsWith('ein') ? 1 : 2}`);
  // "pick and place two", "Bestücker eins", "prio eins und zwei": a machine's, zone's or priority's number said as a word.
  mended = mended.replace(NUMBERED_WORD, (whole, thing: string, word: string, joiner: string | undefined, second: string | undefined) => {
    const [first, other] = [numberWord(word), second === undefined ? undefined : numberWord(second)];
    // Only the words of a number ("an", "ein" count as one elsewhere, but "halt den Bestücker an" names no number).
    if (!SPELT_DIGITS.includes(word.toLowerCase()) || first === undefined || !Number.isInteger(first)) return whole;
    return `${thing} ${first}${joiner && other !== undefined && SPELT_DIGITS.includes(second!.toLowerCase()) ? ` ${joiner} ${other}` : joiner ? ` ${joiner} ${second}` : ''}`;
  });
  // "um set the conveyor …": an English "um" opening a dictation is a filler (German "um 8 Uhr …" is a time).
  mended = mended.replace(/^\s*um\s+(?=(?:set|how|what|show|clear|can|could|the|so|is|are|give|stop|start|hold|reset|why|when|where|which|any|pull)\b)/i, '');
  return mended.replace(CLOCK_WORDS, (whole, lead: string, word: string) => {
    const hour = numberWord(word);
    // Only a time of day: "and one" / "to one" only when a clock word follows (the lookahead), and never a count word.
    return hour !== undefined && Number.isInteger(hour) && hour >= 0 && hour <= 24 && !/^(?:a|an|ein|eine|einer|einen)$/i.test(word)
      ? `${lead} ${hour}`
      : whole;
  });
}
