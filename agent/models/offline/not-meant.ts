/**
 * "not the compressor, the chiller – what alarms has it got?", "nicht zone 6 sondern zone 7 am Ofen L2 auf 245",
 * "Übergabe von der Nachtschicht, nicht die aktuelle", "Alarme Linie 1, alles außer dem Ofen", "RUL nur Linie 1, die
 * Utilities brauch ich nicht": what the asker says they do NOT mean is set aside, so the machine, line, zone or shift
 * they do mean is the one read. Without this, the first thing named wins — the one ruled out.
 *
 * Only targets are set aside here. A value ruled out ("nicht 190, sondern 185") is negated-clauses.ts's; a write
 * ruled out ("don't stop it, just tell me …") too; priorities ruled out ("ohne Prio 4") are read by parsePriorities.
 */

/** Words after "not" that say when or how much, not which: "not now, later", "not yet", "not so bad". */
const NOT_A_TARGET =
  /^(?:yet|now|today|tonight|really|sure|so|too|that\s+(?:bad|much|long|often)|much|quite|exactly|always|again|ever|anymore|any more|right|ok|okay|good|bad|great|jetzt|noch|heute|gleich|sofort|schon|wirklich|ganz|so|genau|immer|wieder|mehr|mal|gut|schlecht|schlimm|viel|lange|oft|nötig|noetig|needed|necessary|sicher|klar|only|just|nur|bloß|bloss|unbedingt|einfach)\b/i;

/** Verbs after "not": "not stop, hold", "nicht anhalten, nur schauen" rule out a command, which is not a target. */
const A_VERB =
  /\b(?:stop\w*|start\w*|hold\w*|paus\w*|reset\w*|clear\w*|resum\w*|releas\w*|send\w*|book\w*|set\w*|chang\w*|dispatch\w*|touch\w*|run\w*|restart\w*|shut\w*|turn\w*|switch\w*|anhalt\w*|stopp\w*|starte?n?|resett\w*|quittier\w*|freigeb\w*|schick\w*|buch\w*|setz\w*|stell\w*|änder\w*|aender\w*|verstell\w*|anfass\w*|ausschalt\w*|abschalt\w*|laufen|lassen|machen|tun|do|is|are|was|were|ist|sind|war|waren|worry|care|need|want|brauch\w*|will|know|wissen|sure)\b/i;

/** "the", "den", "die"…: the article a target may start with. */
const ARTICLE = String.raw`(?:the|that|this|der|den|die|das|dem|des)\s+`;

/** A short noun phrase: a target named in one to five words, no clause break inside. */
const PHRASE = String.raw`[^,.;:!?–—()]{1,60}?`;

/** "not the compressor, the chiller", "no no, not placer 2, placer 1", "nicht den AOI, den ICT", "nicht X sondern Y". */
const NOT_THIS_BUT_THAT = new RegExp(
  String.raw`(^|[,;:.!?–—(]\s*|\s-\s)((?:(?:no|nope|nah|nein|nee|ne|nö|sorry|oops|ups)\s*[,!.]*\s*)*)(?:not|nicht|net|nich)\s+(${ARTICLE})?(${PHRASE})\s*(?:,|\s[–—-]\s|[–—]|\s(?=sondern\b|but\b|aber\b|i mean\b|ich mein))\s*(?:(?:sondern|but|aber|i mean|i meant|ich meine?|ich meinte|rather|eher|lieber)\s+)?(?=\S)`,
  'giu',
);

/** "the SPI, not the printer", "Übergabe Nachtschicht, nicht die aktuelle": a target ruled out at the end. */
const THAT_NOT_THIS = new RegExp(
  String.raw`\s*(?:,|\s[–—-]|[–—])\s*(?:(?:but|aber|and|und)\s+)?(?:not|nicht|net|nich)\s+(${ARTICLE})?(${PHRASE})\s*[.!]*\s*$`,
  'iu',
);

/**
 * "Alarme Linie 1, alles außer dem Ofen", "orders except line 2", "alarms without line 2": a target excluded at the end
 * of a request for a list. Not "alles läuft außer dem Drucker, was ist da los?" (the exception is what is asked about)
 * nor "außer Betrieb", "without nitrogen".
 */
const EXCEPT_THIS = new RegExp(
  String.raw`\s*(?:,\s*)?(?:(?:alles|everything|all|anything)\s+)?(?:except(?:\s+for)?|apart from|other than|but not|excluding|au(?:ß|ss)er|bis auf|abgesehen von|(?:ohne|without)(?=\s+(?:die\s+|den\s+|the\s+)?(?:linie|line|l)\s*\d))\s+(?!betrieb|haus|kontrolle|acht|dienst|order|service)(?:${ARTICLE})?(${PHRASE})\s*(?:please|pls|bitte)?\s*[.!]*\s*$`,
  'iu',
);

/** A request for a list, which an exclusion narrows. */
const A_LIST =
  /\b(?:alarm\w*|st(?:ö|oe)rung\w*|meldung\w*|orders?|auftr(?:ä|ae)ge|fa|work orders|maschinen|machines|overview|(?:ü|ue)berblick|(?:ü|ue)bersicht|forecast|prognose|rul|status|lines?|linien?)\b/i;

/** "I don't need line 1", "die Utilities brauch ich nicht", "line 2 interessiert mich nicht": a clause ruling out a target. */
const NOT_NEEDED =
  /(?:^|[,;:.!?–—]\s*|\s-\s)(?:(?:and|und|but|aber)\s+)?(?:i\s+(?:don'?t|do not|dont)\s+(?:need|care about)\s+[^,.;:!?]{1,40}|[^,.;:!?]{1,40}?\s+(?:brauch\w*\s+ich|interessier\w*\s+mich)\s+nicht)\s*[.!]*(?=\s*(?:[,.;:!?]|$))/giu;

/** Words that name what an exclusion is about when it is a priority or an alarm kind, which parsePriorities reads. */
const PRIORITY_WORDS =
  /\b(?:prio\w*|p\s*[1-4]|advisor\w*|hinweis\w*|warn\w*|critical|kritisch\w*|quittiert\w*|acknowledged|acked|cleared|shelved|gegangen\w*)\b/i;

function namesSomething(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  return words.length <= 5 && !NOT_A_TARGET.test(phrase.trim()) && !A_VERB.test(phrase) && !PRIORITY_WORDS.test(phrase) && !/^\d/.test(phrase.trim());
}

/** "not the L1 printer, stop the L2 one": the rest points back at the target ruled out, which negated-clauses.ts reads. */
const POINTS_BACK = /\b(?:one|ones|other|eins|andere\w*)\b/i;

/** "no, not hold, a proper stop", "nicht resetten sondern clearen": a command ruled out for the one meant. */
const COMMAND_RULED_OUT =
  /\b(?:not|nicht)\s+(?:a\s+|an\s+|ein(?:en)?\s+)?(?:hold|stop|stopp|reset|start|clear|pause|halt)\s*(?:,|\s(?=sondern\b|but\b))\s*(?:(?:sondern|but|aber)\s+)?(?:a\s+|an\s+|ein(?:en)?\s+)?(?:proper\s+|real\s+|full\s+|richtige[nr]?\s+|kompletten?\s+)?(?=(?:hold|stop|stopp|reset|start|clear|pause)\b)/gi;

/** "don't let the oven on line 2 keep running, stop it", "den Ofen auf L1 nicht weiterlaufen lassen, stopp ihn": what is said not to go on is the target. */
const NOT_LET_RUN = [
  // (The command after it is for that machine: "…, stop it" → "stop the oven on line 2".)
  /\b(?:don'?t|do not|never) let (.{1,40}?) (?:keep (?:running|going)|run on|carry on|continue)\b(?:[\s,;.!–—-]+(?:just\s+)?(stop|hold|pause|shut down) (?:it|that|him|her)\b)?/gi,
  /\b(.{1,40}?) nicht (?:weiter ?laufen|weiterproduzieren|weiterlaufen|l(?:ä|ae)nger laufen) lassen\b/gi,
];

export function withoutTargetsNotMeant(given: string): string {
  const text = NOT_LET_RUN.reduce(
    (mended, pattern) => mended.replace(pattern, (_whole, target: string, command: string | undefined) => (command ? `${command} ${target}` : target)),
    given.replace(COMMAND_RULED_OUT, ''),
  );
  let result = text.replace(
    NOT_THIS_BUT_THAT,
    (whole: string, lead: string, interjection: string, _article: string | undefined, phrase: string, offset: number, all: string) =>
      namesSomething(phrase) && !POINTS_BACK.test(all.slice(offset + whole.length)) ? `${lead}${interjection}` : whole,
  );
  // Something must remain that names what is meant: "not the printer, the one after it" keeps its words.
  if (result.trim().split(/\s+/).length < 2) result = text;
  const tail = THAT_NOT_THIS.exec(result);
  if (tail && namesSomething(tail[2]!) && result.slice(0, tail.index).trim().split(/\s+/).length >= 2) result = result.slice(0, tail.index);
  const excepted = EXCEPT_THIS.exec(result);
  if (excepted && namesSomething(excepted[1]!) && A_LIST.test(result.slice(0, excepted.index))) result = result.slice(0, excepted.index);
  const withoutNotNeeded = result.replace(NOT_NEEDED, (whole: string) => (PRIORITY_WORDS.test(whole) ? whole : ' '));
  if (withoutNotNeeded.trim().split(/\s+/).length >= 2) result = withoutNotNeeded;
  return result.replace(/\s{2,}/g, ' ').trim();
}
