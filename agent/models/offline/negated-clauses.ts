/**
 * "give me a draft schedule, don't release anything yet", "check the oven on line 2 but don't stop
 * it": a clause that forbids a write is no request of its own. It is set aside so the rest is read
 * as the request; a message that is nothing but the forbidden write is left whole (and read as a
 * negated write, which files nothing).
 */
import { NEGATED } from './intents/conversation';

const CLAUSE_BREAK = /\s*(?:[,;!?]|\.(?!\d)|\s[–-]\s|\b(?:but|aber|sondern|just|only|nur)\b)\s*/i;
const WRITE_VERB =
  /\b(umplan\w*|reschedul\w*|replan\w*|release|stop|start|change|send|book|set|touch|adjust|dispatch|approve|file|hold|pause|reset|resume|pausier\w*|anhalt\w*|ausschalt\w*|abschalt\w*|abstell\w*|zur(?:ü|ue)cksetz\w*|fortsetz\w*|freigeb\w*|stopp\w*|starte?n?|änder\w*|aender\w*|(?:ab|los|weg|raus)?schick\w*|buch\w*|setz\w*|anfass\w*|verstell\w*|einreich\w*|(?<!\b(?:ist|war|was|nix|nichts)\s+)los(?!\s*-?\s*\d))\b/i;

/**
 * A clause that asks for something: a question ("is it …", not "the guys are …"), or a verb that asks to be shown, told or
 * given ("I need the trend", not "we need the throughput", a reason).
 */
const ASKS =
  /\?|^\s*(?:is|are|does|do|ist|sind)\b|\b(give|show|tell|check|draft|propose|plan|list|run|read|what|how|which|when|why|where|gib|zeig\w*|sag\w*|pr(?:ü|ue)f\w*|check\w*|wie|was|welche\w*|wann|warum|wo|mach\w*|erstell\w*|entwirf|entw(?:ü|ue)rf\w*|entwurf\w*|planen|plane|status|overview|(?:ü|ue)berblick|trend|verlauf)\b|\b(?:brauch\w*|need|want)\b(?!\s+(?:the\s+|die\s+|den\s+|das\s+)?(?:throughput|output|capacity|boards|parts|time|durchsatz|ausbringung|kapazit(?:ä|ae)t|zeit|teile|platinen)\b)/i;

export function withoutNegatedWrites(text: string): string {
  const clauses = text.split(CLAUSE_BREAK).filter((clause) => clause.trim() !== '');
  if (clauses.length < 2) return text;
  const writes = clauses.some((clause) => WRITE_VERB.test(clause) && !NEGATED.test(clause.toLowerCase()));
  // "Fahrt 1 abschicken, die zweite noch nicht", "send run 1, not the other": a short negation with no verb of
  // its own forbids the same write for something else; the write beside it stands.
  // Only for a statement, and only when the negation names something ("die zweite", "the other one"): "stop line 1?
  // no, not yet" takes the write back.
  // "not the L1 printer, stop the L2 one", "Drucker L2 stoppen, nicht L1": a clause that is only "not" and a target.
  const negated = (clause: string) => NEGATED.test(clause.toLowerCase()) || /^\s*(?:but\s+|aber\s+|and\s+|und\s+)?not\b/i.test(clause);
  const ellipsis = (clause: string) =>
    writes &&
    !text.includes('?') &&
    negated(clause) &&
    !WRITE_VERB.test(clause) &&
    clause.trim().split(/\s+/).length <= 5 &&
    clause
      .toLowerCase()
      .replace(NEGATED, ' ')
      .replace(/\b(?:not|but|aber|and|und)\b/g, ' ')
      // "nein, doch nicht", "ach nee, lieber nicht": a negation that names nothing takes the write back (RETRACTED).
      .replace(
        /\b(yet|noch|jetzt|now|please|bitte|nein|nee|ne|no|nope|nah|doch|ach|oh|lieber|besser|mal|actually|wait|warte|oder|or|so|dann|then|ich|i|mein\w*|mean|meant|es|it|n(?:ö|oe)tig|needed|erst|erstmal|first)\b/g,
        ' ',
      )
      .trim()
      .split(/\s+/)
      // "nicht L1": one word is enough when it names a line or machine by its number.
      .filter(Boolean)
      .some((word, _, words) => words.length >= 2 || /\d/.test(word));
  const kept = clauses.filter((clause) => !(NEGATED.test(clause.toLowerCase()) && WRITE_VERB.test(clause)) && !ellipsis(clause));
  if (kept.length === clauses.length || kept.length === 0) return text;
  // "not the L1 printer, stop the L2 one": "one" is the machine the other clause named.
  const removedNoun = clauses
    .filter((clause) => !kept.includes(clause))
    .map((clause) => /([a-zäöüß-]{3,})\s*$/i.exec(clause.trim())?.[1])
    .find((word) => word !== undefined && !/^(?:one|eins|yet|noch|now|jetzt|please|bitte|other|andere\w*)$/i.test(word));
  const rest = kept
    .join(', ')
    .replace(/\b((?:the|den|die|das)\s+(?:l\d|line\s*\d|linie\s*\d))\s+(?:one|eins)\b/gi, (whole, head: string) =>
      removedNoun ? `${head} ${removedNoun}` : whole,
    );
  // "dont send RUN-1, only the AMR one", "don't stop the packer, just the oven": the rest names only what the forbidden
  // verb is for instead — that verb, for it (German verb last: "nur den Ofen" → "den Ofen stoppen").
  const removed = clauses.filter((clause) => !kept.includes(clause));
  const removedVerb = removed.map((clause) => WRITE_VERB.exec(clause)?.[1]).find((verb) => verb !== undefined);
  // What the forbidden write was for, once the negation and the verb are taken out ("the packer on line 1").
  const removedTarget = removed
    .map((clause) =>
      clause
        .replace(NEGATED, ' ')
        .replace(WRITE_VERB, ' ')
        .replace(/\b(?:do|not)\b/gi, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .find((words) => words.split(' ').length >= 2);
  const withTarget = (clause: string) => {
    // "don't stop the packer on line 1, just hold it": "it" is the machine the forbidden clause named.
    if (removedTarget && /\b(?:it|ihn)\b/i.test(clause)) return clause.replace(/\b(?:it|ihn)\b/i, removedTarget);
    // "don't stop the L1 packer, just the oven": the line the forbidden clause named, when the rest names none.
    const line = /\b(?:l|line|linie)\s*(\d)\b/i.exec(removed.join(' '));
    return line && !/\b(?:l|line|linie)\s*\d\b/i.test(clause)
      ? `${clause} ${/^nicht/i.test(removed[0]!.trim()) || /en$/.test(removedVerb ?? '') ? 'auf Linie' : 'on line'} ${line[1]}`
      : clause;
  };
  if (
    removedVerb &&
    /\b(?:only|just|nur|but|sondern|aber)\s+(?:the\s+|den\s+|die\s+|das\s+)?[\w-]+(?:\s+[\w-]+){0,4}\s*[.!]*\s*$/i.test(text) &&
    kept.length === 1 &&
    !ASKS.test(rest) &&
    !WRITE_VERB.test(rest) &&
    rest.trim().split(/\s+/).length <= 6
  )
    return /en$/i.test(removedVerb) ? `${withTarget(rest.trim())} ${removedVerb}` : `${removedVerb} ${withTarget(rest.trim())}`;
  // "nicht ausschalten, nur anhalten – Verpackung Linie 2": the verb alone, then what it is for.
  if (removedVerb && kept.length >= 2 && /^\s*[\p{L}-]+\s*$/u.test(kept[0]!) && WRITE_VERB.test(kept[0]!) && kept[1]!.trim().split(/\s+/).length <= 4) {
    const [verb, target, ...others] = kept.map((clause) => clause.trim());
    const joined = /en$/i.test(verb!) ? `${target} ${verb}` : `${verb} ${target}`;
    return [joined, ...others].join(', ');
  }
  if (
    removedTarget &&
    kept.length >= 1 &&
    /\b(?:it|ihn)\b/i.test(kept[0]!) &&
    WRITE_VERB.test(kept[0]!) &&
    !/\b(?:l|line|linie)\s*\d\b|\b[a-z]{1,3}\d?-[a-z]{2,4}\d?\b/i.test(kept[0]!)
  )
    return [withTarget(kept[0]!.trim()), ...kept.slice(1)].join(', ');
  // "nah don't release yet, waiting for the planner meeting": the rest asks for nothing, so the message is the negation.
  // ("nicht stoppen!! nur das Transportband auf 14 mm/s runter": a value asked for is a request.)
  if (!ASKS.test(rest) && !WRITE_VERB.test(rest) && !/\b(?:auf|to)\s+-?\d/i.test(rest)) return text;
  return rest.trim().split(/\s+/).length >= 2 ? rest : text;
}

const VALUE = String.raw`(?<![\w.,-])-?\d+(?:[.,]\d+)?`;
const UNIT = String.raw`(?:\s*(?:°\s*c|grad|degrees|bar|n|newton|mm\/s|%|prozent|percent))?`;
/** "auf 185, nicht 190", "185 not 190": the value asked for, then the one it is not. */
const VALUE_THEN_NOT = new RegExp(String.raw`(${VALUE}${UNIT})\s*,?\s*(?:nicht|not|und nicht|and not)\s+(?:auf\s+|to\s+)?${VALUE}${UNIT}\b`, 'gi');
/** "nicht auf 190, sondern auf 185", "not to 190 but to 185": the one it is not, then the value asked for. */
const NOT_BUT_VALUE = new RegExp(
  String.raw`\b(?:nicht|not)\s+(?:auf|to)?\s*${VALUE}${UNIT}\s*,?\s*(?:sondern|but|aber|i meant|i mean|meant|ich meinte|ich meine|meinte)\s+(?:auf\s+|to\s+)?(${VALUE}${UNIT})`,
  'gi',
);
/** "to 190, no wait, 185", "auf 190 – äh, 185": a value said, then corrected on the spot. */
const CORRECTED_ON_THE_SPOT = new RegExp(
  // ("auf 12 - nee Quatsch, auf 14 °C": several correction words, and the second value with its "auf".)
  String.raw`(\b(?:auf|to|at)\s+)?${VALUE}${UNIT}\s*[,.–—-]*\s*(?:(?:no wait|nope|no|nah|sorry|i mean|i meant|äh|ähm|uh|nein|nee|ne|nö|quatsch|blödsinn|korrektur|correction|ich meine|ich meinte|wait|warte|moment|sekunde|hang on|oops|ups|hoppla)\s*[,.!–—-]*\s*)+(?:(?:make it|mach|lieber|rather|doch)\s+)?(?:(?:auf|to|at)\s+)?(${VALUE}${UNIT})\b`,
  'gi',
);

/** "not 240", "nicht auf 190": a value ruled out, once the ones corrected to another value are read. */
const VALUE_RULED_OUT = new RegExp(String.raw`\b(?:not|nicht)\s+(?:auf\s+|to\s+)?${VALUE}${UNIT}(?!\d|[.,]\d)`, 'gi');

/**
 * "Zone 3 Ofen L1 auf 185, nicht 190", "nicht auf 190 sondern auf 185", "set it to 190, no wait, 185": the value
 * the asker ends up asking for, the other taken out, so the "nicht" of a corrected value negates no write and the
 * number read is the one meant.
 */
export function withCorrectedValue(text: string): string {
  return (
    text
      // At the start of a message it answers a request just made ("not 245, I meant 238"): a correction, said as one.
      .replace(NOT_BUT_VALUE, (whole: string, value: string, offset: number) =>
        offset === 0 ? `${/^nicht/i.test(whole) ? 'nein' : 'no'}, ${value}` : `${/^nicht/i.test(whole) ? 'auf' : 'to'} ${value}`,
      )
      .replace(VALUE_THEN_NOT, (_, value: string) => value)
      .replace(CORRECTED_ON_THE_SPOT, (_, lead: string | undefined, value: string) => `${lead ?? ''}${value}`)
      // "not 240, lower – zone 6 on the L1 oven": a value ruled out with none meant instead is no value to file.
      .replace(VALUE_RULED_OUT, ' ')
  );
}
