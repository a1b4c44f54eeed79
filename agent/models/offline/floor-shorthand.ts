/**
 * How engineers abbreviate on the floor, written out so the rules read them: "L1 BE2 Spindel Vib 8h" (Bestücker 2,
 * vibration), "Z7 SW 245 Ofen2" (Sollwert, oven 2), "WA L2-PNP1 …" (Wartungsauftrag), "Übergabe NS" (Nachtschicht),
 * "Entwurf FG beantragen" (Freigabe), "AOI PO-24117 20 brds", "rel draft", "the actual shift" (German "aktuell"),
 * and clock hours said as words ("von vierzehn bis sechzehn Uhr").
 */
import { numberWord } from './number-words';

const SHORTHAND: readonly [RegExp, string][] = [
  [/\bBE\s?(\d)\b/g, 'Bestücker $1'],
  [/\b(ofen|oven|drucker|printer|packer)(\d)\b/gi, '$1 $2'],
  [/\bSW\s+(?=-?\d)/g, 'Sollwert auf '],
  // "chiller sp 14", "Kaltwasser Soll 12,5": the setpoint's short forms before a value (the noun "Soll" is capitalised
  // inside a sentence; the verb "soll" is not).
  [/\bsp(?=\s*[:=]?\s*-?\d)/gi, 'setpoint'],
  // (Not "Soll 165, Ist 161": a setpoint and its reading, told.)
  [/(?<=\S\s+)Soll(?=\s*[:=]?\s*-?\d)(?![^.!?]*\b[Ii]st\s*[:=]?\s*-?\d)/g, 'Sollwert'],
  // "status von wa 1007", "WO 12": a work order by its number, as its id.
  [/\b(?:WA|WO)[-\s]?(\d{2,6})\b/gi, 'WO-$1'],
  [/\bWA\b(?=\s+\S)/g, 'Wartungsauftrag'],
  // "WAs Linie 2", "offene WA's": Wartungsaufträge (never the lower-case "was").
  [/\bWA'?s\b/g, 'Wartungsaufträge'],
  [/\bFG\b/g, 'Freigabe'],
  // "letzte KW", "diese KW": the calendar week (Kalenderwoche).
  [/(?<![\p{L}])(letzte[nr]?|vorige[nr]?|diese[nr]?|vergangene[nr]?)\s+KW\b/giu, '$1 Woche'],
  [/(?<![\p{L}])(?:übergabe|uebergabe|handover)\s+NS\b/giu, 'Übergabe Nachtschicht'],
  // "Bestücker eins Linie eins", "placer two": a machine's own number said as a word.
  [/(?<![\p{L}])(bestücker|bestuecker|placer|pnp|ofen|oven|reflow|lötofen|loetofen|drucker|printer)\s+(eins|one)(?![\p{L}])/giu, '$1 1'],
  [/(?<![\p{L}])(bestücker|bestuecker|placer|pnp|ofen|oven|reflow|lötofen|loetofen|drucker|printer)\s+(zwei|zwo|two)(?![\p{L}])/giu, '$1 2'],
  [/\bN-(?:shift|schicht)\b/gi, 'night shift'],
  [/\bF-Schicht\b/gi, 'Frühschicht'],
  [/\bS-Schicht\b/gi, 'Spätschicht'],
  [/\bvibs?\b/gi, 'vibration'],
  [/\b(\d{1,4})\s*(?:brds|bds)\b/gi, '$1 boards'],
  [/\brel\b(?=\s+(?:the\s+)?(?:draft|plan|schedule|it|entwurf))/gi, 'release'],
  [/\bre-?scheduling\b/gi, 'replan'],
  // "the actual shift", "actual order", "how much degree is it actual": the German "aktuell" — the current one.
  [/\bactual shift\b/gi, 'current shift'],
  [/\b(?:the\s+)?actual\s+(order|value|values|state|status|plan|planning|one)\b/gi, 'the current $1'],
  [/\b(is it|are they|it is|they are)\s+actual\b/gi, '$1 now'],
  // "the AOI L2 is in held, take it out pls": out of the Held state it is said to be in.
  [/\b((?:is|steht|ist|sits|sitting)\s+(?:in|im|on|auf)\s+(?:held|hold)\b[^.?!]*\btake (?:it|him|her|that) out)\b(?!\s+of)/gi, '$1 of hold'],
  // "pls control the paste height": the German "kontrollieren" — check it.
  [/\b(please|pls|can you|could you)\s+control\b/gi, '$1 check'],
  [/\b(?:in|from|during|of) the night\b/gi, 'overnight'],
  // A newcomer's words for the floor's vehicles: "the little train" is the tugger train, "der kleine Roboter" the AMR.
  [/\b(?:the\s+)?(?:little|small|parts)\s+train\b/gi, 'the tugger'],
  [/(?<![\p{L}])(den|der|dem|die)\s+(?:kleinen?|fahrenden?)\s+roboter(?![\p{L}])/giu, '$1 AMR'],
  [/(?<![\p{L}])(den|der|dem|die)\s+kleinen?\s+zug(?![\p{L}])/giu, '$1 Routenzug'],
  [/(?<![\p{L}])transportroboter(?![\p{L}])/giu, 'AMRs'],
];

/** "von vierzehn bis sechzehn Uhr", "um acht Uhr": hours said as words, as digits. */
const SPOKEN_HOURS = /\b([a-zäöüß]+)(\s+(?:bis|und|-|–)\s+)([a-zäöüß]+)(\s+uhr)\b|\b([a-zäöüß]+)(\s+uhr)\b/gi;

/** "in den zehn Minuten bevor …", "the last three hours": a span's count said as a word (two and more), as digits. */
const SPOKEN_SPAN = /(?<![\p{L}])([a-zäöüß]+)(\s+(?:minuten|minutes|mins?|stunden|hours|std))(?![\p{L}])/giu;
/** "auf der zwoten Linie", "die erste Linie": a line by its ordinal. */
const LINE_ORDINAL: readonly [RegExp, string][] = [
  [/(?<![\p{L}])(?:ersten?|first)\s+(linie|line)(?![\p{L}])/giu, '$1 1'],
  [/(?<![\p{L}])(?:zweiten?|zwoten?|second)\s+(linie|line)(?![\p{L}])/giu, '$1 2'],
];

export function expandFloorShorthand(text: string): string {
  const expanded = [...SHORTHAND, ...LINE_ORDINAL]
    .reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text)
    .replace(SPOKEN_SPAN, (whole, word: string, unit: string) => {
      const value = numberWord(word.toLowerCase());
      return value !== undefined && value >= 2 && value <= 48 ? `${value}${unit}` : whole;
    });
  return expanded.replace(SPOKEN_HOURS, (whole, from?: string, joint?: string, to?: string, uhr?: string, alone?: string, aloneUhr?: string) => {
    const hour = (word: string | undefined) => {
      const value = word === undefined ? undefined : numberWord(word.toLowerCase());
      return value !== undefined && value >= 0 && value <= 24 ? String(value) : undefined;
    };
    if (from !== undefined) {
      const [start, end] = [hour(from), hour(to)];
      return start !== undefined && end !== undefined ? `${start}${joint}${end}${uhr}` : whole;
    }
    const single = hour(alone);
    return single !== undefined ? `${single}${aloneUhr}` : whole;
  });
}
