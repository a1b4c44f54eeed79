/**
 * German plant words in an English sentence, and the English of German speakers, as typed in plants with
 * international crews: "show me the Störungen on Linie 2 since Schichtbeginn", "what's the Sollwert of zone 4 on Ofen 1",
 * "since when stands the packer", "how much degree has zone 3", "do a clear". Rewritten to the English the rules and the
 * English classifier read. Only for a message read as English: in a German one these words are at home.
 */

/** German floor nouns → English, whole words, any case. */
const GERMAN_NOUNS: readonly [RegExp, string][] = [
  [/(?<![\p{L}])st(?:ö|oe)rung(?:en)?(?![\p{L}])/giu, 'alarms'],
  [/(?<![\p{L}])st(?:ö|oe)rmeldung(?:en)?(?![\p{L}])/giu, 'alarms'],
  [/(?<![\p{L}])sollwert(?:e)?(?![\p{L}])/giu, 'setpoint'],
  [/(?<![\p{L}])(?:ö|oe)fen(?![\p{L}])/giu, 'ovens'],
  [/(?<![\p{L}])ofen(?![\p{L}])/giu, 'oven'],
  [/(?<![\p{L}])linie(?![\p{L}])/giu, 'line'],
  [/(?<![\p{L}])taupunkt(?![\p{L}])/giu, 'dew point'],
  [/(?<![\p{L}])nachtschicht(?![\p{L}])/giu, 'night shift'],
  [/(?<![\p{L}])fr(?:ü|ue)hschicht(?![\p{L}])/giu, 'early shift'],
  [/(?<![\p{L}])sp(?:ä|ae)tschicht(?![\p{L}])/giu, 'late shift'],
  [/(?<![\p{L}])schicht(?:beginn|anfang|start)(?![\p{L}])/giu, 'shift start'],
  [/(?<![\p{L}])in verzug(?![\p{L}])/giu, 'late'],
  [/(?<![\p{L}])(?:arbeits|wartungs)auftr(?:ä|ae)ge(?![\p{L}])/giu, 'work orders'],
  [/(?<![\p{L}])(?:arbeits|wartungs)auftrag(?![\p{L}])/giu, 'work order'],
  [/(?<![\p{L}])in bearbeitung(?![\p{L}])/giu, 'in progress'],
  [/(?<![\p{L}])druck(?![\p{L}])/giu, 'pressure'],
  [/(?<![\p{L}])best(?:ü|ue)cker(?![\p{L}])/giu, 'placer'],
  [/(?<![\p{L}])kompressor(?![\p{L}])/giu, 'compressor'],
  [/(?<![\p{L}])kaltwassersatz(?![\p{L}])/giu, 'chiller'],
  [/(?<![\p{L}])(?:ü|ue)bergabe(?![\p{L}])/giu, 'handover'],
  [/(?<![\p{L}])rakeldruck(?![\p{L}])/giu, 'squeegee pressure'],
  [/(?<![\p{L}])f(?:ö|oe)rderband(?![\p{L}])/giu, 'conveyor'],
  [/(?<![\p{L}])reichweite(?![\p{L}])/giu, 'run-out'],
  [/(?<![\p{L}])ausschuss(?![\p{L}])/giu, 'scrap'],
  [/(?<![\p{L}])eilauftrag(?![\p{L}])/giu, 'rush order'],
  [/(?<![\p{L}])zusatzschicht(?![\p{L}])/giu, 'extra shift'],
];

/** The English of German speakers: "since when stands the packer", "how much degree has zone 3", "do a clear". */
const GERMAN_ENGLISH: readonly [RegExp, string][] = [
  [/\bsince when (?:stands|stand|is standing) (the [^?.,!]+?)(?=\s*[?.,!]|$)/gi, 'since when is $1 stopped'],
  [/\bhow (?:much|many) degrees? (?:has|have|is|are)\b/gi, 'what is the temperature of'],
  [/\b(?:do|make) (?:a|an|the) (clear|reset|restart|stop|start)\b/gi, '$1 it'],
];

export function germanWordsInEnglish(text: string): string {
  return [...GERMAN_ENGLISH, ...GERMAN_NOUNS].reduce((result, [pattern, english]) => result.replace(pattern, english), text);
}
