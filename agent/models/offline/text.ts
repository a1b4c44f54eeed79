/** Text helpers for the offline model: normalising, tokenising and typo-tolerant word matching. */
import { germanWordsInEnglish } from './denglisch';
import { detectLanguage } from './language';
import { standardGerman } from './dialect';
import { numberWord, SPELT_DIGITS } from './number-words';

/** "line two", "Linie zwei", "zone three": a spelt-out number after a word that numbers things. */
const SPELT_NUMBER = new RegExp(`\\b(line|linie|zone|strasse|band|halle|placer|ofen|oven)\\s+(${SPELT_DIGITS.join('|')})\\b`, 'g');

/** Lower case; hyphens, slashes and punctuation become spaces; `&` stays (P&P). */
/** The text as a regular expression that matches it literally ("L1-RFL", "mm/s", "Zone4.SetpointC"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function normalise(text: string): string {
  return (
    transliterate(text.toLowerCase())
      // "line 2's current order": the possessive of a number is the number.
      .replace(/(\d)[’']s\b/g, '$1')
      .replace(/[’']/g, '')
      .replace(/[^a-z0-9&.\s]+/g, ' ')
      .replace(/\.(?!\d)/g, ' ')
      .replace(SPELT_NUMBER, (_whole, word: string, spelt: string) => `${word} ${numberWord(spelt)}`)
      // "pnp2", "zone4", "msl3" are typed for "pnp 2", "zone 4", "msl 3"; "o2" and "l1" stay whole.
      .replace(/\b([a-z]{2,})(\d+)\b/g, '$1 $2')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** German letters as they are typed on keyboards without them: "Bestücker" and "Bestuecker" match. */
export function transliterate(text: string): string {
  return text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue');
}

export function tokens(text: string): string[] {
  const normal = normalise(text);
  return normal === '' ? [] : normal.split(' ');
}

/** Edit distance counting a swap of two neighbouring letters as one typo ("alrams" → "alarms"). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      current[j] = distance;
      rowMin = Math.min(rowMin, distance);
    }
    if (rowMin > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Joins a word with the number after it ("zone 4" → "zone4") so numbered parts match as one word. */
/** Unit words after a number: then the number is a value ("14 mm/s", "7 bar"), not part of a name. */
const UNIT_WORDS = new Set([
  'mm',
  'bar',
  'mbar',
  'kpa',
  'grad',
  'degrees',
  'degree',
  'c',
  'n',
  'newton',
  'kw',
  'ppm',
  'rpm',
  'percent',
  'prozent',
  'hz',
  'kg',
  'mm/s',
]);

export function joinNumbers(words: string[]): string[] {
  const joined: string[] = [];
  for (const [index, word] of words.entries()) {
    const last = joined.at(-1);
    // "conveyor 14 mm/s" is a value with its unit, not a numbered thing like "zone 4".
    // Nor is a number no machine, zone or feeder has ("supply 15 pls"): numbered things here go up to twelve.
    const valueWithUnit = UNIT_WORDS.has(words[index + 1] ?? '') || Number(word) > 12;
    if (last !== undefined && /^\d+$/.test(word) && /^[a-z]+$/.test(last) && last !== 'last' && last !== 'past' && last !== 'to' && !valueWithUnit)
      joined[joined.length - 1] = `${last}${word}`;
    else joined.push(word);
  }
  return joined;
}

/** Typos allowed for a word of this length: none for short words, where one letter changes meaning. */
export function allowedTypos(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 5) return 1;
  return 0;
}

/** Whether a typed word means the expected word, allowing typos in longer words. */
/** Words people mean as themselves that are one typo away from a machine or tag name. */
// ("packen wir das" is "can we make it", not a typo of "packer"; "packed", "packet", "backer", "docker" are words of their own.)
const REAL_WORDS_NEAR_NAMES = new Set([
  'planer',
  'planner',
  'player',
  'plane',
  'places',
  'placed',
  'planers',
  'packen',
  'packed',
  'packet',
  'packte',
  'backer',
  'hacker',
  'docker',
]);

export function sameWord(typed: string, expected: string): boolean {
  if (typed === expected) return true;
  // "both AOIs", "the SPIs": a short name in the plural is the name.
  if (expected.length >= 3 && /^[a-z]+$/.test(expected) && typed === `${expected}s`) return true;
  // "zone4" is not a typo of "zone1": numbered words must match exactly.
  if (/\d/.test(expected) || /\d/.test(typed)) return false;
  // Real words one letter from a name ("Planer" is the planner, not a typo of "placer") are those words.
  if (REAL_WORDS_NEAR_NAMES.has(typed)) return false;
  const allowed = allowedTypos(expected);
  return allowed > 0 && editDistance(typed, expected, allowed) <= allowed;
}

/**
 * Replaces misspelt words by the vocabulary word they are closest to ("alrams" → "alarms"), so the
 * intent patterns can stay exact.
 */
export function correctTypos(words: string[], vocabulary: readonly string[]): string[] {
  const known = new Set(vocabulary);
  return words.map((word) => {
    if (known.has(word) || allowedTypos(word) === 0 || /\d/.test(word)) return word;
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of vocabulary) {
      const allowed = allowedTypos(candidate);
      if (allowed === 0) continue;
      const distance = editDistance(word, candidate, allowed);
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best ?? word;
  });
}

/** Words one typo away from "line" or "Linie" that are words of their own ("link 2", "nine 2"). */
const NOT_LINE = new Set(['link', 'fine', 'mine', 'nine', 'wine', 'lane', 'like', 'lie', 'lies', 'lin', 'lime', 'linen', 'lines', 'linien']);

/** "Lnie 2", "Linei 1", "lien 2": a line number typed with a slip reads as the line. */
/** "Z4", "z 4": a reflow zone written short, as "zone 4". */
export function expandZoneShorthand(text: string): string {
  // "zoen 2", "zine 3": the word typed in a hurry.
  return text.replace(/\b[zZ]\s?(\d{1,2})\b/g, 'zone $1').replace(/\b(?:zoen|zine|zpne|zome|znoe)\s?(\d{1,2})\b/gi, 'zone $1');
}

/** "eins"/"ersten", "zwei"/"zwo"/"zwoten"/"zweiten": a line’s number said as a word, 1 to 4. */
const LINE_WORDS = [/^(?:eins|oans|ersten?)$/i, /^(?:zwei|zwo|zwoa|zwoten?|zweiten?)$/i, /^(?:drei|dritten?)$/i, /^(?:vier|vierten?)$/i];

/** "wat is mit der zwo los", "läuft nich", "zeich mal": words typed as they are spoken, in their written form. */
/**
 * "pause the oven on line to", "set zone for on the line to oven to 245", "pick and place to line one": a number after a
 * word that numbers things, heard as a word that sounds like it. Not "to" before a value or a target ("line 1 to 245",
 * "zone 4 to the setpoint"), nor "for" before what it is for.
 */
function dictatedNumbers(text: string): string {
  return (
    text
      // Only where nothing could be the place or value "to" leads to: the end of a clause, a preposition, or the next
      // machine or question word ("set the L1 oven to standby" keeps its "to").
      .replace(
        /\b(line|zone|oven|placer|pick and place|pnp|printer|aoi|spi|tester)\s+to\b(?=\s*(?:[,.?!;]|$)|\s+(?:in|on|at|for|since|before|after|from|during|and|und|oven|printer|placer|pick|aoi|spi|zone|is|was|has|right|rn|now|pls|please|status|alarms?|temp\w*|vacuum|pressure|speed|conveyor)\b)/gi,
        '$1 2',
      )
      .replace(/\b(zone)\s+(?:for|fore)\b(?=\s+(?:on|at|in|of|to|from)\b|\s*[,.?!]|\s*$)/gi, '$1 4')
  );
}

export function spokenSpellings(text: string): string {
  const spoken = text
    // "uh so the oven …", "äh bitte den Bestücker …", "can you like let it carry on", "…, so yeah": fillers of speech.
    // (Not German "um": "seit der Umstellung um 8"; only "umm," said as a filler.)
    // (Not between two values, "auf 190 äh 185", where it marks the correction.)
    .replace(/(?<![\p{L}]|\d[\s,]*)(?:uh+|umm+|erm+|äh+m?|aeh+m?|ähm)(?![\p{L}])[,.]?\s*|^\s*um,\s*/giu, '')
    .replace(/[,\s]+so yeah[.!]?\s*$/i, '')
    .replace(
      /(?<!\b(?:i|i'?d|we'?d|you'?d|would|you|we|they|look|looks|feel|feels)\s+)\blike\s+(?=(?:let|go|set|stop|start|send|check|give|show|tell|pull|put|take|bring|what|ten|half|five|two|three|\d))/gi,
      '',
    )
    .replace(/(?<![\p{L}])sozusagen(?![\p{L}])\s*/giu, '')
    // "Geh, schalt ma bitte …": the Austrian "come on" opening a request.
    .replace(/^\s*geh(?:\s+bitte)?\s*[,!]\s*/i, (whole) => (detectLanguage(text) === 'de' ? '' : whole))
    // "wieviele Gutteile", "wieviel Ausschuss": written as one word as often as two.
    .replace(/\b(w)ieviel(e|en|er|es)?\b/gi, (_whole, w: string, ending: string | undefined) => `${w}ie viel${ending ?? ''}`)
    .replace(/\bwat\b/gi, 'was')
    // Bavarian: "wos is mit'm Ofen los" — in a German message; "any wos on L2?" are work orders.
    .replace(/\b[wW]os\b/g, (whole) => (detectLanguage(text) === 'de' ? 'was' : whole))
    .replace(/\bmit'?m\b/gi, 'mit dem')
    .replace(/\bnich\b/gi, 'nicht')
    .replace(/\bzeich\b/gi, 'zeig');
  const polite = politeRequest(spoken);
  // Bavarian, Austrian and Swiss German as typed on the floor, in a German message (dialect.ts); English dictated by voice
  // has its numbers heard as words ("line to", "zone for").
  // ("ubergabe fruhschicht" says it is German only once its umlauts are back.)
  const restored = umlautsRestored(polite);
  // ("show me the Störungen on Linie 2": German floor words in an English sentence, in English.)
  const standard =
    detectLanguage(text) === 'de' || detectLanguage(restored) === 'de' ? standardGerman(restored) : germanWordsInEnglish(dictatedNumbers(polite));
  return (
    standard
      // "Druckgeschw. Drucker L1", "Transportgeschw.": the floor's short form of "Geschwindigkeit".
      .replace(/(\p{L}*)geschw\.?(?![\p{L}])/giu, (_whole, head: string) => `${head}geschwindigkeit`)
      // "reboot the SPI", "den AOI rebooten": a restart, which is two PackML commands the planner asks between.
      .replace(/\breboot\b/gi, 'restart')
      .replace(/\b(?:rebooten|neu ?booten)\b/gi, 'neu starten')
      // "IH-Auftrag", "IH-Aufträge": the floor's short form of "Instandhaltung" (maintenance) in a work order.
      .replace(/\bIH[- ]?(auftr(?:ag|äge|aege|ägen|aegen|ags))\b/gi, (_whole, noun: string) => `Wartungs${noun.toLowerCase()}`)
  );
}

/**
 * "may I ask you to put the chiller at 15.5", "can I get a hold on the L2 placer", "Darf ich dich bitten, den AOI wieder
 * anzufahren?": a request dressed as asking for permission, read as the plain "please …" it is. ("Am I allowed to stop
 * the AOI?" asks for permission and stays a question.)
 */
function politeRequest(text: string): string {
  const asked = text
    .replace(/^((?:(?:hi|hey|ok|okay|so|and)[,\s]+)*)(?:may|might|could|can) i (?:kindly |please )?(?:ask|trouble|bother) you to\s+/i, '$1please ')
    .replace(
      /^((?:(?:hi|hey|ok|okay|so|and)[,\s]+)*)would it be possible to (?:(?:have|get)\s+(?=[^?!.]*\b(?:at|to|on)\s+-?\d))?/i,
      (_whole, lead: string, offset, whole: string) =>
        /^(?:have|get)\b/i.test(whole.slice(offset + _whole.length)) ? _whole : `${lead}please ${/(?:have|get)\s+$/i.test(_whole) ? 'set ' : ''}`,
    )
    .replace(
      /^((?:(?:hi|hey|ok|okay|so|and)[,\s]+)*)(?:can|could|may) i (?:get|have) (?:a |an )?(stop|hold|reset|start|restart|clear)\s+(?:on|of|for)\s+/i,
      '$1please $2 ',
    );
  if (asked !== text) return asked;
  const bitten = /\b(?:darf|d(?:ü|ue)rfte|k(?:ö|oe)nnte|m(?:ö|oe)chte|w(?:ü|ue)rde) ich (?:dich|sie|euch) (?:noch |mal |kurz )?bitten,?\s*/i;
  if (!bitten.test(text)) return text;
  return (
    text
      .replace(bitten, 'bitte ')
      // "… wieder anzufahren?", "… auf 95 N zu stellen": the infinitive with "zu", as the plain verb.
      .replace(/\b(an|ab|auf|aus|ein|hoch|runter|rauf|zur(?:ü|ue)ck|frei|fest|weg)zu(\p{L}+en)\b/giu, '$1$2')
      .replace(/\bzu (\p{L}+en)(?=\s*[?.!]*\s*$)/iu, '$1')
  );
}

/**
 * "ubergabe fruhschicht", "forderband lotofen", "nachste WA": German typed on a keyboard without umlauts and without
 * the ue/oe/ae spelling — the plant's words with their umlauts back. Only stems that are no other German word
 * ("kalter", "warmer", "hoher", "andern" are words of their own and stay).
 */
const PLAIN_VOWEL_STEMS: readonly [RegExp, string][] = [
  [/(?<![\p{L}])uber/giu, 'über'],
  [/(?<![\p{L}])fruh/giu, 'früh'],
  [/(?<![\p{L}])spat(?=(?:schicht|er|e[nrs]?)?(?![\p{L}]))/giu, 'spät'],
  [/(?<![\p{L}])lot(?=ofen|paste|pasten|stelle|stellen|en(?![\p{L}])|et(?![\p{L}]))/giu, 'löt'],
  [/(?<![\p{L}])bestuck(?=er|ung)/giu, 'bestück'],
  [/(?<![\p{L}])forder(?=band|bänder|strecke)/giu, 'förder'],
  [/(?<![\p{L}])storung/giu, 'störung'],
  [/(?<![\p{L}])pruf/giu, 'prüf'],
  [/(?<![\p{L}])erhoh/giu, 'erhöh'],
  [/(?<![\p{L}])zuruck/giu, 'zurück'],
  [/(?<![\p{L}])fur(?![\p{L}])/giu, 'für'],
  [/(?<![\p{L}])nachst(?=e[nmrs]?(?![\p{L}]))/giu, 'nächst'],
  [/(?<![\p{L}])fallig/giu, 'fällig'],
  [/(?<![\p{L}])stuckzahl/giu, 'stückzahl'],
  [/(?<![\p{L}])lufter/giu, 'lüfter'],
  [/(?<![\p{L}])geblase/giu, 'gebläse'],
  [/(?<![\p{L}])kuhl(?=ung|wasser|zone|kreis|mittel)/giu, 'kühl'],
  [/(?<![\p{L}])mussen(?![\p{L}])/giu, 'müssen'],
  [/(?<![\p{L}])konnen(?![\p{L}])/giu, 'können'],
  [/(?<![\p{L}])ruckstand/giu, 'rückstand'],
  [/(?<![\p{L}])verzogerung/giu, 'verzögerung'],
  [/(?<![\p{L}])auftrage(?=n?(?![\p{L}]))/giu, 'aufträge'],
  [/(?<![\p{L}])lauft(?![\p{L}])/giu, 'läuft'],
  [/(?<![\p{L}])(um)?rust(?=zeit|en(?![\p{L}]))/giu, '$1rüst'],
  [/(?<![\p{L}])wahrend(?![\p{L}])/giu, 'während'],
  [/(?<![\p{L}])taglich/giu, 'täglich'],
];
function umlautsRestored(text: string): string {
  return PLAIN_VOWEL_STEMS.reduce((restored, [pattern, umlauted]) => restored.replace(pattern, umlauted), text);
}

/** Words for the machines of a line, English and German, as people name them on the floor. */
const MACHINE_NOUNS =
  'printer|stencil printer|oven|reflow|placer|pnp|p&p|pick and place|pick-and-place|spi|aoi|ict|packer|packing|drucker|schablonendrucker|ofen|l(?:ö|oe)tofen|best(?:ü|ue)cker|verpackung';

/** "wie läuft's auf der Zwei?", "Probleme an der Eins", "und der auf der zwoten?": on the floor a line is "die Eins", "die Zwo". */
export function colloquialLines(given: string): string {
  // "der 2er Placer", "den 1er Bestücker": a placer by its number (ovens and printers are numbered by their line, so only placers).
  const text = given.replace(
    /\b([12])er[\s-]+(placer|pnp|bestücker|bestuecker|pick and place)\b/gi,
    (_whole, number: string, machine: string) => `${machine} ${number}`,
  );
  const lineNumber = (word: string) => (/^\d$/.test(word) ? word : String(LINE_WORDS.findIndex((pattern) => pattern.test(word)) + 1));
  // "wie läuft die Zwei?", "was macht die Eins gerade", "die Zwei steht schon wieder": a line as the subject.
  const subject = text
    .replace(
      /\b(l(?:ä|ae)uft|steht|macht|produziert|schafft|ist mit|geht'?s|ist|is|wird) die (eins|oans|zwei|zwo|zwoa|drei|vier)\b(?=\s*(?:[?!.,]|$|gerade|heute|noch|jetzt|so|denn|eigentlich|mit|fertig))/gi,
      (_whole, verb: string, line: string) => `${verb} Linie ${lineNumber(line)}`,
    )
    .replace(
      /^((?:und|na|und was ist mit)\s+)?die (eins|oans|zwei|zwo|zwoa|drei|vier)\b(?=\s+(?:l(?:ä|ae)uft|steht|macht|ist|is|hat|produziert)\b)/i,
      (_whole, lead: string | undefined, line: string) => `${lead ?? ''}Linie ${lineNumber(line)}`,
    );
  // "what's the printer on 2 doing", "was macht der Drucker auf 2?": a machine "on" a bare number is on that line.
  // Not before a unit or a setting word ("oven on 2 to 245" is still line 2; "Drucker auf 2 stellen" is a value).
  const onNumber = subject
    .replace(
      new RegExp(
        `\\b(${MACHINE_NOUNS}) on ([1-4])\\b(?!\\s*(?:[°%.,]\\d|°|%|deg\\w*|bar|mm|n\\b|units?|boards?|pcs|hours?|hrs?|h\\b|min\\w*|x\\b|times))`,
        'gi',
      ),
      (_whole, machine: string, line: string) => `${machine} on line ${line}`,
    )
    .replace(
      new RegExp(`\\b(${MACHINE_NOUNS}) (auf|an) ([1-4])(?=\\s*(?:[?!]|$|gerade|grad|jetzt|los|heute|denn|eigentlich|so\\b))`, 'gi'),
      (_whole, machine: string, preposition: string, line: string) => `${machine} ${preposition} Linie ${line}`,
    );
  return (
    onNumber
      // "plan den Milkrun für die eins, gell", "Nachschub für die zwo bitte": the line, where nothing follows that it counts.
      .replace(
        /\b(f(?:ü|ue)r|auf|bei|von) die (eins|oans|zwo|zwoa)\b(?=\s*(?:[?!.,]|$|gell|bitte|mal|auch|noch|dann|ok|oder|und|jetzt|heute)\b|\s*[?!.,]|\s*$)/gi,
        (_whole, preposition: string, line: string) => `${preposition} Linie ${lineNumber(line)}`,
      )
      .replace(
        /\b(auf|an|bei|von|in|mit|für|fuer) der (eins|oans|zwei|zwo|zwoa|drei|vier|ersten|zweiten|zwoten|dritten|vierten|1|2|3|4)\b(?!\s*(?:stunden?|minuten?|schichten?|wochen?|tage?n?|uhr|h\b|grad|bar|%|zone|maschine|linie))/gi,
        (_whole, preposition: string, line: string) => `${preposition} Linie ${lineNumber(line)}`,
      )
  );
}

export function correctLineTypos(text: string): string {
  return text.replace(/\b([A-Za-z]{3,6})(\s*-?\s*)(\d{1,2})\b/g, (whole, word: string, gap: string, number: string) => {
    const lower = word.toLowerCase();
    if (lower === 'line' || lower === 'linie' || NOT_LINE.has(lower)) return whole;
    if (editDistance(lower, 'linie', 1) <= 1) return `Linie${gap || ' '}${number}`;
    if (editDistance(lower, 'line', 1) <= 1) return `line${gap || ' '}${number}`;
    return whole;
  });
}

/**
 * The words the rules key on, as people mistype them: "forcast", "matreial", "ausschus", "inpsection". A word one edit
 * (two from nine letters) from one of these, nearer to it than to any other, is read as it; names, ids and numbers are
 * left.
 */
const KEYWORDS = [
  'forecast',
  'prognose',
  'material',
  'ausschuss',
  'inspection',
  'inspektion',
  'schedule',
  'handover',
  'maintenance',
  'wartung',
  'temperature',
  'temperatur',
  'pressure',
  'alarms',
  'alarme',
  'replenishment',
  'nachschub',
  'delivery',
  'lieferung',
  'setpoint',
  'sollwert',
  'production',
  'produktion',
  'compressor',
  'kompressor',
];
/** Commands and a few request words, as mistyped in a hurry: "unhodl", "quitieren", "pausiern", "inspcet", "bestnad". */
const COMMAND_KEYWORDS = ['unhold', 'quittieren', 'pausieren', 'weiterlaufen', 'fortsetzen', 'zuruecksetzen', 'inspect', 'inspizieren', 'bestand'];

/** Participles, past tenses and nouns of a command, which report or name it ("quittiert", "paused", "Fortsetzung"). */
const TOLD_FORM = /(?:ed|iert|ierte|ierten|iertes|ung|ungen|te|ten)$|^ge\p{L}+t$/u;

/** Short words mistyped in a hurry, too short for the edit distance to tell them apart from other words. */
const SHORT_TYPOS: Record<string, string> = {
  dwon: 'down',
  donw: 'down',
  jezt: 'jetzt',
  jetz: 'jetzt',
  lezte: 'letzte',
  lezten: 'letzten',
  letze: 'letzte',
  letzen: 'letzten',
  widder: 'wieder',
  bords: 'boards',
  baords: 'boards',
  tme: 'time',
  lasen: 'lassen',
  yestrday: 'yesterday',
  yesterdy: 'yesterday',
  yesteday: 'yesterday',
  yesturday: 'yesterday',
  ystrday: 'yesterday',
  gestren: 'gestern',
  wht: 'what',
  progres: 'progress',
  ofne: 'ofen',
  hlod: 'hold',
  hodl: 'hold',
  lotpsate: 'lotpaste',
  stil: 'still',
  stpo: 'stop',
  sotp: 'stop',
  teh: 'the',
  utilites: 'utilities',
  compresor: 'compressor',
  hndover: 'handover',
  übergbae: 'Übergabe',
  tuger: 'tugger',
};
const SHORT_TYPO = new RegExp(`(?<![\\p{L}])(?:${Object.keys(SHORT_TYPOS).join('|')})(?![\\p{L}])`, 'giu');

/** Real words a keyword is one edit from, which stay as typed. */
const NOT_TYPOS = new Set([
  'forecasts',
  'materials',
  'alarm',
  'alarmed',
  'scheduled',
  'schedules',
  'deliver',
  'delivered',
  'pressures',
  'temperaturen',
  'wartungen',
  'lieferungen',
  'lieferant',
  'lieferanten',
  'materiell',
  'productive',
  'produktiv',
  'produktive',
  'produktiven',
  'nachschau',
  'compression',
  'kompression',
  'uphold',
  'unfold',
  'inspects',
]);

export function correctKeywordTypos(text: string): string {
  const short = text
    .replace(SHORT_TYPO, (word) => SHORT_TYPOS[word.toLowerCase()] ?? word)
    // "was wen L2 pnp1 6h steht": "wenn" with a letter missing, at the start of a what-if.
    .replace(/^(\s*was\s+)wen\b/i, '$1wenn');
  return short.replace(/(?<![\p{L}\p{N}_-])\p{L}{6,}(?![\p{L}\p{N}_-])/gu, (word) => {
    const lower = word.toLowerCase();
    if (KEYWORDS.includes(lower) || COMMAND_KEYWORDS.includes(lower) || NOT_TYPOS.has(lower)) return word;
    const allowed = lower.length >= 9 ? 2 : 1;
    // A word that holds a keyword whole is a word of its own ("reschedule", "unscheduled"), not a typo of it.
    if ([...KEYWORDS, ...COMMAND_KEYWORDS].some((keyword) => lower.includes(keyword))) return word;
    // A command's infinitive only from a word that is no participle or noun of it: "quittiert", "pausierte", "Fortsetzung"
    // tell or name what happened, and must never be read as the command.
    const candidates = TOLD_FORM.test(lower) ? KEYWORDS : [...KEYWORDS, ...COMMAND_KEYWORDS];
    const near = candidates.map((keyword) => ({ keyword, distance: editDistance(lower, keyword, allowed) })).filter(({ distance }) => distance <= allowed);
    // The nearest, when one is nearer than the rest ("inpsection" is one swap from "inspection", two from "inspektion").
    const best = Math.min(...near.map(({ distance }) => distance));
    const nearest = near.filter(({ distance }) => distance === best);
    return nearest.length === 1 ? nearest[0]!.keyword : word;
  });
}

/**
 * "über Nacht", "Übergabe", "ändern": an umlaut that starts a word, spelt as ue/oe/ae. A regular
 * expression's \b sees no word start before "ü" (not a word character to it), so "\b(?:ü|ue)ber" found
 * "ueber" but never "über"; spelt out, both match. Umlauts inside words are left alone.
 */
export function foldInitialUmlauts(lower: string): string {
  return lower.replace(
    /(^|[^\p{L}\p{N}])([äöü])/gu,
    (_, before: string, umlaut: string) => `${before}${({ ä: 'ae', ö: 'oe', ü: 'ue' } as Record<string, string>)[umlaut]}`,
  );
}

/**
 * "mach mal bisschen kühler": after a word of degree, "kühler" is the comparative (cooler), not the chiller
 * ("der Kühler"); written "kälter", it cannot be read as the machine.
 */
/**
 * "what does reset actually do on the AOI", "was macht eigentlich Clear beim Bestücker": a word that only stresses the
 * question, left out so the question reads as it is usually asked.
 */
export function withoutQuestionFillers(text: string): string {
  return text.replace(
    /^((?:what|how|why|which|was|wie|warum|wieso|welche\w*)\b[^?.!]{0,40}?)\s+(?:actually|really|exactly|eigentlich|genau|überhaupt|ueberhaupt)\b/i,
    '$1',
  );
}

export function comparativeCooler(text: string): string {
  return text.replace(/\b(bisschen|bissl|bissel|etwas|wenig|viel|noch|deutlich|leicht|mal|ne spur|eine spur)\s+k(?:ü|ue)hler\b/gi, '$1 kälter');
}

/**
 * "im MES-Ticket steht 'L2-RFL Zone2.SetpointC=260 setzen'", "the manual says “Stop the printer”": text in
 * quotation marks is quoted, not asked for, so a write it names is no request. A quote opens after a space,
 * a colon or a bracket and closes before one (so "air's … I'd" is no quote).
 */
export function withoutQuotedText(text: string): string {
  return text
    .replace(/(?<=^|[\s:(])(?:'[^']{3,}'|"[^"]{3,}"|„[^“”"]{3,}[“”"]|“[^”]{3,}”|‚[^‘’']{3,}[‘’']|‘[^’]{3,}’|»[^«]{3,}«|«[^»]{3,}»)(?=$|[\s.,;:!?)])/g, ' (…)')
    .replace(SHOWN_IN_CAPITALS, (whole, marker: string, shown: string) => (/[a-zäöüß]/.test(shown) ? whole : `${marker} (…)`));
}

/**
 * "the laminated card says:\nStep 3: Set supply temp to 16 °C\nStep 4: …": steps of a procedure copied in, line by line,
 * put in quotation marks before the lines are read as one — they are quoted, like text in quotation marks.
 */
export function quoteCopiedSteps(text: string): string {
  return text.replace(STEPS_COPIED, (step: string) => ` "${step.trim().replace(/"/g, "'")}"`);
}

/**
 * "HMI popup: ACK REQUIRED – RESET MACHINE.", "Display zeigt: STOPP FÖRDERBAND": a machine's own text in capitals after
 * the place it is shown — quoted like text in quotation marks (the person's own shouting, "STOP LINE 2 NOW", has no such
 * source before it).
 */
const SHOWN_IN_CAPITALS =
  /(\b(?:hmi|popup|pop-up|display|screen|panel|bildschirm|anzeige|meldung|message|msg|alarm ?text|says|shows|reads|zeigt(?: an)?|steht|sagt)\b[^:\n]{0,30}:\s*)([^\n.!?]{6,}?)(?=[.!?]|\n|$)/gi;

/** "the laminated card says:\nStep 3: Set supply temp to 16 °C": steps of a procedure copied in, line by line. */
const STEPS_COPIED = /(?<=:[ \t]*\n(?:.*\n)*?)[ \t]*(?:step|schritt)\s*\d+\s*[:.–—-][^\n]*/gi;

/**
 * "bevor ich was buche: wie viele Stunden hat …", "before I restart it, what state is …": what the asker means to do
 * next says nothing about what they ask now, so the clause is left out where the request's kind is read.
 */
export function withoutPlannedStep(text: string): string {
  return text.replace(/^\s*(?:bevor|before)\s+(?:ich|wir|i|we|man)\b[^:,–—?]{0,80}[:,–—]\s*(?=(?:\S+\s+){2,}\S)/i, '');
}

/** "Ofenstillstand", "Bestückerausfall": the machine and its stop in one word, as two, so the machine is found. */
export function splitStopCompounds(text: string): string {
  return text.replace(/\b([A-Za-zÄÖÜäöüß]{3,}?)(stillstand|ausfall)\b/gi, '$1 $2');
}

/** The last sentence of a message: after a story, the one that usually asks. */
export function lastSentence(text: string): string {
  return (
    text
      .split(/(?<=[.!?])\s+/)
      .filter((sentence) => sentence.trim())
      .at(-1) ?? text
  );
}
