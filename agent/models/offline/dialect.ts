/**
 * Bavarian, Austrian and Swiss German as people type it on the floor, in the standard German the rules read:
 * "zeig ma den Pastenfüllstand", "Wie isch d'Lagertemperatur im Ofe eins gloffe?", "Vom AT&S kimmt nur de Hälfte",
 * "Chönd ihr dä Chipshooter wieder la laufe?". Only for a message already read as German: "is", "de", "la" are
 * words of other languages too.
 */
/** Dialect words for their standard German ("isch" → "ist", "Ofa" → "Ofen", "kimmt" → "kommt", "föif" → "fünf"). */
const DIALECT: Record<string, string> = {
  amoi: 'mal',
  moi: 'mal',
  isch: 'ist',
  hod: 'hat',
  hot: 'hat',
  vui: 'viel',
  wia: 'wie',
  muass: 'muss',
  kimmt: 'kommt',
  hoaßt: 'heißt',
  hoasst: 'heißt',
  ofa: 'Ofen',
  ofe: 'Ofen',
  gloffe: 'gelaufen',
  gfundn: 'gefunden',
  letschte: 'letzten',
  stund: 'Stunden',
  chasch: 'kannst du',
  chönd: 'könnt',
  choend: 'könnt',
  föif: 'fünf',
  eis: 'eins',
  uf: 'auf',
  dä: 'den',
  em: 'dem',
  la: 'lassen',
  laufe: 'laufen',
  inspiziere: 'inspizieren',
  sechse: 'sechs',
  // "von dene TPS54360": the article "denen".
  dene: 'denen',
  // "ham mer fei alles da": a particle that only stresses.
  fei: '',
  achte: 'acht',
  fahrn: 'fahren',
  is: 'ist',
  hoaß: 'heiß',
  hoass: 'heiß',
  de: 'die',
  vo: 'von',
  heit: 'heute',
  nimmer: 'nicht mehr',
  heid: 'heute',
  mia: 'mir',
  zwoa: 'zwei',
  zwaa: 'zwei',
  do: 'da',
  ned: 'nicht',
  net: 'nicht',
  nen: 'einen',
  weng: 'wenig',
  aufm: 'auf dem',
  anfahrn: 'anfahren',
  stehn: 'stehen',
  sehn: 'sehen',
  gmacht: 'gemacht',
  gschmissn: 'geworfen',
  gfunden: 'gefunden',
  gsehn: 'gesehen',
  gwesen: 'gewesen',
  gwesn: 'gewesen',
  vorgschlagenen: 'vorgeschlagenen',
  vorgschlagene: 'vorgeschlagene',
  zurueckgwiesen: 'zurückgewiesen',
  zruckgwiesen: 'zurückgewiesen',
  maschin: 'Maschine',
  naechst: 'nächste',
  // Spoken articles and contractions: "seit ner halben Stunde", "der direkt vorm Ofen", "der Kasten hinterm Ofen".
  ner: 'einer',
  nem: 'einem',
  vorm: 'vor dem',
  hinterm: 'hinter dem',
  überm: 'über dem',
  unterm: 'unter dem',
};
/** Dialect phrases, whole: "la laufe" (laufen lassen), "in da Früh" (in the morning). */
const DIALECT_PHRASES: Record<string, string> = {
  'la laufe': 'laufen lassen',
  'la laufen': 'laufen lassen',
  'in da früh': 'heute morgen',
  'in der früh': 'heute morgen',
  'vo da': 'von der',
  // "auf da zwoa", "an da Eins": the article "der" after a preposition.
  'auf da': 'auf der',
  'an da': 'an der',
  'bei da': 'bei der',
  // "ma" is "mal" after an order ("zeig ma", "schalt ma") and "wir" after a modal ("müss ma", "hamma").
  'zeig ma': 'zeig mal',
  'schalt ma': 'schalt mal',
  'mach ma': 'mach mal',
  'plan ma': 'plan mal',
  'schau ma': 'schau mal',
  'gib ma': 'gib mal',
  'sag ma': 'sag mal',
  'lass ma': 'lass mal',
  'stell ma': 'stell mal',
  'muass ma': 'müssen wir',
  'müss ma': 'müssen wir',
  'muss ma': 'müssen wir',
  'soll ma': 'sollen wir',
  'kenn ma': 'können wir',
  'könn ma': 'können wir',
  hamma: 'haben wir',
  // "ham mer no", "hamm mer alles da": "haben wir".
  'ham mer': 'haben wir',
  'hamm mer': 'haben wir',
  'ham mir': 'haben wir',
  'hamm mir': 'haben wir',
  'ham ma': 'haben wir',
  // ("wos" alone is also how "WOs", work orders, is typed.)
  'wos is': 'was ist',
  'wos hat': 'was hat',
  'wos war': 'was war',
  'wos macht': 'was macht',
  'wos geht': 'was geht',
  'wos gibt': 'was gibt',
  'no amoi': 'noch einmal',
  'no moi': 'noch einmal',
  'stehn blieben is': 'stehen geblieben ist',
  'stehn blieben': 'stehen geblieben',
};
const DIALECT_PHRASE = new RegExp(`(?<![\\p{L}])(?:${Object.keys(DIALECT_PHRASES).join('|')})(?![\\p{L}])`, 'giu');
const DIALECT_WORD = new RegExp(`(?<![\\p{L}])(?:${Object.keys(DIALECT).join('|')})(?![\\p{L}])`, 'giu');

/** A value just before "Grad": digits, a number word or "°" — not a line's or zone's number ("Linie eins grad"). */
const DEGREES_BEFORE =
  /(?<!\b(?:linie|line|zone|nr\.?|nummer)\s+\S*)(?:\d|[\p{L}]*(?:eins|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwoelf|zig|ßig|ssig|hundert|tausend|null|halb)|°)\s*$/iu;

/** The message in standard German: phrases first ("müss ma" is "müssen wir", "zeig ma" is "zeig mal"), then words. */
export function standardGerman(text: string): string {
  return (
    text
      .replace(DIALECT_PHRASE, (whole) => DIALECT_PHRASES[whole.toLowerCase()] ?? whole)
      // "und die Pastenhöhe dort a", "der Tester a?": the dialect's "auch", said last (never the article inside a sentence).
      .replace(/(?<=\p{L}{2,}\s+)a(?=\s*[?!.]?\s*$)/giu, 'auch')
      // "d'Linie", "d’Lagertemperatur": the article elided.
      .replace(/(?<![\p{L}])[dD]['’`](?=\p{L})/gu, 'die ')
      .replace(DIALECT_WORD, (whole) => DIALECT[whole.toLowerCase()] ?? whole)
      // "was läuft grad", "hamma grad an Stillstand": "gerade" — not the degrees of "auf 245 Grad", "zweihundert Grad"
      // (a number before it is a value, unless it numbers a line or zone: "Linie eins grad an Stillstand").
      .replace(/(?<![\p{L}])grad(?![\p{L}])/giu, (whole, offset: number, all: string) => (DEGREES_BEFORE.test(all.slice(0, offset)) ? whole : 'gerade'))
      // "wie wechsel i des Wischpapier", "hab i gmacht": the dialect's "ich" after a verb or question word (not "i.O.").
      .replace(
        /(?<=\b(?:wie|was|wo|wann|soll|muss|kann|darf|mach|hab|hob|bin|wechsel|tausch|stell|schau|brauch)\p{L}*(?:\s+\p{L}+)?\s+)i(?![\p{L}.])/giu,
        'ich',
      )
      // "wie lang macht des Gebläse no", "is no immer rot": the dialect's "noch" — not "no, die eins" (nein) at the start.
      .replace(/(?<=[\p{L}\d]\s+)no(?=\s*(?:[.?!]|$)|\s+(?:immer|nicht|ned|net|mal|amoi|da|do|einmal|im|in|auf|drauf|dran|übrig|uebrig|genug)\b)/giu, 'noch')
      // "quittier des bitte", "was heißt des für uns": the dialect's "das" — not the genitive "des Ofens".
      .replace(/\bdes(?=\s+(?:bitte|mal|ma|f(?:ü|ue)r|doch|ja|nicht|net|halt)\b|\s*[.,!?]|\s*$)/gi, 'das')
      // "des Band is zu langsam", "mach des auf 22", "des gleiche": "das" too before a word no genitive takes (a genitive
      // noun ends in -s, its adjective in -en: "des Ofens", "des neuen Auftrags").
      // (Not before a verb: "schau nach, was des hat" is left as said.)
      .replace(/\bdes(?=\s+(?!(?:hat|ist|is|war|geht|macht|l(?:ä|ae)uft|steht|kann|soll|muss|wird|tut)\b)\p{L}*[^\P{L}s](?<!en)(?![\p{L}]))/giu, 'das')
  );
}
