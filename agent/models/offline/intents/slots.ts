/**
 * Values read from the words of a request: order ids, alarm codes, priorities, setpoint values and
 * time windows (with the trend resolution that suits a window).
 */
import { numberWord } from '../number-words';
import { isoSeconds, type TimeWindow } from '../time-window';

/** Two ISO 8601 times with an offset in the text ("from 2025-03-08T22:00:00+01:00 to …"), as a window. */
export function explicitWindow(text: string): { from: string; to: string } | undefined {
  const times = text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g);
  return times && times.length >= 2 ? { from: times[0]!, to: times[1]! } : undefined;
}

/** Tomorrow 22:00–02:00 UTC, written as a request would give it. */
export function exampleWindow(now: Date): { from: string; to: string } {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 22));
  return { from: isoSeconds(day), to: isoSeconds(new Date(day.getTime() + 4 * 3_600_000)) };
}

export function resolutionFor(minutes: number): string {
  if (minutes <= 120) return '1m';
  if (minutes <= 720) return '5m';
  if (minutes <= 2880) return '15m';
  return '1h';
}

const LAST_HOUR_MINUTES = 60;

export function lastHour(now: Date): TimeWindow {
  return lastMinutes(now, LAST_HOUR_MINUTES);
}

/** "recent alarms", "die letzten Störungen": one shift back, long enough to hold what "recent" means on the floor. */
const RECENT_MINUTES = 8 * 60;

export function recentWindow(now: Date): TimeWindow {
  return lastMinutes(now, RECENT_MINUTES);
}

function lastMinutes(now: Date, minutes: number): TimeWindow {
  return { from: new Date(now.getTime() - minutes * 60_000).toISOString(), to: now.toISOString(), minutes };
}

/**
 * "the last five alarms", "die letzten 10", "the ten most recent", "max 10": how many the asker wants, in digits or words.
 * Not a span ("the last 2 hours") and not "the last one" ("a", "one" name no count).
 */
export function askedCount(lower: string): number | undefined {
  const digits = lower
    .replace(/[a-zäöüß]+/g, (word) => {
      const value = /^(a|an|one|ein|eine|einen|eins)$/.test(word) ? undefined : numberWord(word);
      return value !== undefined ? String(value) : word;
    })
    .replace(/\b(\d{1,3})\s+(most recent|latest|newest|last|neuesten|letzten)\b/, '$2 $1');
  const found =
    /\b(?:last|latest|most recent|newest|top|first|letzten?|neuesten?|j(?:ü|ue)ngsten?|ersten?|max(?:imal|imum)?|h(?:ö|oe)chstens|at most|up to|bis zu)\.?\s+(\d{1,3})\b(?!\s*(?:h|hrs?|hours?|min\w*|stunden?|std|tage?n?|days?|weeks?|wochen?|schichten|shifts?|nights?|n(?:ä|ae)chte)\b)/.exec(
      digits,
    )?.[1];
  const count = found === undefined ? undefined : Number(found);
  return count !== undefined && count > 0 ? count : undefined;
}

/**
 * "except the advisories", "ohne die Prio 4", "leave out the advisory stuff", "ohne Hinweise": the priorities not ruled
 * out (4 is advisory, ISA-18.2 as the alarm catalogue has it).
 */
const PRIORITIES_RULED_OUT =
  /\b(?:except(?: for)?|excluding|without|w\/o|leave out|leaving out|skip(?:ping)?|ignore|ignoring|minus|other than|but not|ohne|au(?:ß|ss)er|bis auf|abgesehen von)\s+(?:the\s+|die\s+|den\s+|alle\s+|all\s+)?(?:(?:prio(?:rity|rität|ritaet|s)?|p)[\s-]*([1-4](?:\s*(?:,|and|und|or|oder|&|\+)\s*[1-4])*)|(advisor\w*|hinweis\w*))/;

/** "prio 1 and 2 only", "priority 1", "critical", "Prio 1 und 2" → [1, 2]; "ohne Prio 4" → [1, 2, 3]. */
export function parsePriorities(text: string): number[] | undefined {
  const lower = text.toLowerCase();
  const ruledOut = PRIORITIES_RULED_OUT.exec(lower);
  if (ruledOut) {
    const out = ruledOut[1] ? ruledOut[1].match(/[1-4]/g)!.map(Number) : [4];
    // ("ohne die Hinweise (Prio 4)": the priority named again is the one ruled out, said twice.)
    const named = parsePrioritiesNamed(lower.replace(ruledOut[0], ' '));
    if (named && !named.every((priority) => out.includes(priority))) return named;
    const kept = [1, 2, 3, 4].filter((priority) => !out.includes(priority));
    return kept.length > 0 ? kept : undefined;
  }
  return parsePrioritiesNamed(lower);
}

function parsePrioritiesNamed(t: string): number[] | undefined {
  // "Prio 2 oder höher", "priority 2 and above", "mindestens Prio 2", "prio 2+": 1 is the most urgent, so 1 up to it.
  const orHigher =
    /\b(?:prio(?:rity|rität|ritaet)?|p)[\s-]*([1-4])\s*(?:\+|(?:or|and|oder|und)\s+(?:higher|above|more urgent|h(?:ö|oe)her|dr(?:ü|ue)ber|wichtiger)\b)|\b(?:at least|mindestens|min\.?)\s+(?:prio(?:rity|rität|ritaet)?|p)[\s-]*([1-4])\b/.exec(
      t,
    );
  if (orHigher) return Array.from({ length: Number(orHigher[1] ?? orHigher[2]) }, (_, index) => index + 1);
  // "prio 3 and lower", "Prio 3 und niedriger": from it down to the advisories.
  const orLower = /\b(?:prio(?:rity|rität|ritaet)?|p)[\s-]*([1-4])\s*(?:or|and|oder|und)\s+(?:lower|below|less urgent|niedriger|drunter|darunter)\b/.exec(t);
  if (orLower) return Array.from({ length: 5 - Number(orLower[1]) }, (_, index) => Number(orLower[1]) + index);
  const phrase = /\b(?:prio(?:rity|rität|ritaet|s)?|p)[\s-]*((?:[1-4])(?:\s*(?:,|and|und|or|oder|&|\+|-|to|bis)\s*[1-4])*)/.exec(t);
  if (phrase) {
    const numbers = phrase[1]!.match(/[1-4]/g)!.map(Number);
    const range = /([1-4])\s*(?:-|to|bis)\s*([1-4])/.exec(phrase[1]!);
    const all = range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i) : numbers;
    // "Prio-1- und Prio-2-Alarme": each priority named with its own word.
    const each = [...t.matchAll(/\b(?:prio(?:rity|rität|ritaet)?|p)[\s-]*([1-4])\b/g)].map((match) => Number(match[1]));
    return [...new Set([...all, ...each])].sort();
  }
  if (/\b(critical|kritische?[ns]?)\b/.test(t) && /\b(high|hohe?n?|wichtige?n?)\b/.test(t)) return [1, 2];
  if (/\b(critical|kritische?[ns]?)\b/.test(t)) return [1];
  if (/\b(high[- ]prio\w*|hohe[rn]? prio\w*|wichtige\w*)\b/.test(t)) return [1, 2];
  return undefined;
}

/** An alarm code in the text (E-214, e214, W 105), in the tools' spelling. */
export function alarmCode(text: string): string | undefined {
  const match = /\b([a-z])[-\s]?(\d{3})\b/i.exec(text);
  if (!match || /^(l|p)$/i.test(match[1]!)) return undefined;
  return `${match[1]!.toUpperCase()}-${match[2]}`;
}

/** A production order or lot id: "PO-24118", "po 24118", "lot 24118", "Auftrag 24118", or a bare "24118" (orders are five digits). */
export function orderId(text: string): string | undefined {
  const match = /\b(po|wo|so|mo)[-\s]?(\d{3,})\b/i.exec(text);
  if (match) return `${match[1]!.toUpperCase()}-${match[2]}`;
  // Other labels keep a sub-lot suffix: "LOT-24117-01" is a lot of its own, not LOT-24117.
  const label = /\b([a-z]{2,3})-(\d{3,}(?:-\d{1,3})?)\b/i.exec(text);
  if (label) return `${label[1]!.toUpperCase()}-${label[2]}`;
  const bare =
    /\b(?:order|auftrag|lot|los|charge|batch)\s+(?:no\.?\s*|nr\.?\s*|#)?(\d{3,})\b/i.exec(text) ??
    // A five-digit number on its own, not a quantity ("600 boards"), part number, time or value with a unit.
    /(?<![\w.,:/-])(\d{5})(?![\w:/-]|[.,]\d|\s*(?:x|pcs|stück|stk|boards?|units?|pieces|platinen|°|grad|bar|rpm|%))/i.exec(text);
  return bare ? `PO-${bare[1]}` : undefined;
}

/** The new value a setpoint request gives: "to 185", "auf 48", "-> 175", "245 pls", "175°C". */
/** Words that ask for a change in a direction ("wärmer", "a touch slower"). */
const CHANGE_WORD =
  /\b(w(?:ä|ae)rmer|k(?:ä|ae)lter|k(?:ü|ue)hler|h(?:ö|oe)her|niedriger|schneller|langsamer|mehr|weniger|warmer|colder|cooler|hotter|higher|lower|faster|slower|up|down|rauf|runter|hoch)\b/i;

/** "print speed 60 mm/s on the L1 printer pls", "Rakeldruck 70 N am Drucker L2 bitte": a setting asked for in a telegram. */
export const SETTING_TELEGRAM =
  /^(?:[a-z]\d?-[a-z0-9-]+:\s*)?(?:[a-zäöüß.-]+\s+){1,3}(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees?|bar|n|newton|mm\/s)\s+(?:on|for|f(?:ü|ue)r|auf|at|am|an|beim|bei)\s+[^?]*\b(?:pls|please|bitte)[\s.!]*$/i;

export function setpointValue(text: string): number | undefined {
  const match =
    // "the compressor is at 6.2, bring it to 6.5": the value a setting verb asks for, before any value told.
    /\b(?:bring|set|put|take|make|change|raise|lower|bump|drop|turn|stell\w*|setz\w*|bring\w*|dreh\w*|fahr\w*)\b[^.!?,;]*?\b(?:to|auf)\s*:?\s*(-?\d+(?:[.,]\d+)?)/i.exec(
      text,
    ) ??
    /(?:\bto|\bauf|->|→|=|\bat|\b(?:needs?|has|have|ought) to be|\bmust be)\s*:?\s*(-?\d+(?:[.,]\d+)?)/i.exec(text) ??
    // "Kompressor Sollwert 6,8 bar, die Greifer ziehen nicht": the value right after the setpoint's name.
    // "einen Sollwert von 250 °C", "a setpoint of 250": the same, with "von"/"of".
    /\b(?:setpoint|sollwert|sp)\s*(?:[:=]|\s(?:von|of))?\s*(-?\d+(?:[.,]\d+)?)(?!\s*(?:uhr|h\b|min))/i.exec(text) ??
    // "requesting a print speed of 80 mm/s", "einen Sollwert von 250 beantragen": the value of the change asked for.
    /\b(?:request\w*|beantrag\w*|file|set)\b[^.!?,;]*?\b(?:of|von)\s+(-?\d+(?:[.,]\d+)?)(?!\s*(?:uhr|h\b|min))/i.exec(text) ??
    // "mach 185 draus", "make it 185 then": the value right after the verb.
    /\b(?:mach|mache|machen|make|give|gib)\s+(?:mal |halt |es |it |das |die |den |ihn |ihm |that )*(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees|bar|n\b|newton|mm\/s|mm per second|mm pro sekunde|mm\/sec|%|percent|prozent|kw|rpm)?\s*(?:draus|daraus|out of it|then|dann|bitte|please|pls)?[\s.!]*$/i.exec(
      text,
    ) ??
    // "241 on zone 6, oven 1 pls", "212 Grad für Zone 3", "mach mal 6,9 bar auf die Druckluft", "make it 18 on the chiller":
    // the value first, then what it is for.
    // (With a verb or a courtesy: "241 on zone 6 right now" tells a reading.)
    /^(?:mach|make|put|give|gib|setz|stell)\w*\s+(?:(?:mal|it|es|halt)\s+)*(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees?|bar|n|newton|mm\/s)?\s+(?:on|for|f(?:ü|ue)r|auf|at)\s+(?:die\s+|der\s+|den\s+|das\s+|the\s+)?(?:zone|[a-zäöüß])/i.exec(
      text,
    ) ??
    /^(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees?|bar|n|newton|mm\/s)?\s+(?:on|for|f(?:ü|ue)r|auf|at)\s+(?:die\s+|der\s+|den\s+|das\s+|the\s+)?(?:zone|[a-zäöüß])[^?]*\b(?:pls|please|bitte|thx|danke)[\s.!]*$/i.exec(
      text,
    ) ??
    // "print speed 60 mm/s on the printer pls": the value's name, the value with its unit, the machine, and a courtesy.
    SETTING_TELEGRAM.exec(text) ??
    // "am Drucker L2 bräucht ich 65 N Rakeldruck", "I need 7 bar on the air": a value with its unit, wished for.
    /\b(?:need|want|brauch\w*|br(?:ä|ae)ucht\w*|h(?:ä|ae)tt\w* (?:ich |wir )?gern|m(?:ö|oe)chte\w*|let'?s have)\b[^.!?,;]*?\b(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c|grad|bar|n|newton|mm\/s)\b/i.exec(
      text,
    ) ??
    // "print speed 60 mm/s instead of the 50 it's on": the value asked for, before what it replaces ("zone 7 L2 oven 248 instead of
    // 245": the number after "instead of" is the old one, never the value).
    /\b(\d{1,4}(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees|°|bar|n|mm\/s)?\s+(?:instead of|rather than|statt|anstatt|anstelle von)\b/i.exec(text) ??
    // "zone 4 245", "make it 16", "setz die 245": a value last, after a setpoint word or a write verb on "it".
    (/\b(?:zone\s*\d+|setpoint|sollwert)\b/i.test(text) ||
    /^(?:(?:ok\w*|so|then|dann|gut|no|nope|nein|nee|sorry|actually)[\s,]+)?(?:make|put|set|bring|take|mach|setz|stell)\b.*\b(?:it|that|this|die|das|den|ihn|es)\b/i.test(
      text,
    )
      ? // … but not the zone's or line's own number ("same for zone 5").
        /(?<!\b(?:zone|line|linie|l|pnp|oven|ofen|placer|bestücker)\s*(?=\d\b))\b(\d{1,4}(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees|c\b|bar|n\b|mm\/s)?\s*(?:pls|please|bitte|thx|thanks|ty|danke|cheers)?[\s.!]*$/i.exec(
          text,
        )
      : null) ??
    // "L2 printer speed 55 please", "Rakeldruck L1 80 bitte": a measurement word, its value last, and a courtesy.
    // "L1 oven conveyor 18 mm/s urgent": an urgency closes it as a courtesy does.
    /\b(?:speed|pressure|force|flow|temp\w*|conveyor|geschwindigkeit|druck|kraft|durchfluss|temperatur|transportband)\b[^.!?,]{0,20}?\b(\d{1,4}(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees|bar|n\b|newton|mm\/s)?\s*(?:please|pls|bitte|urgent|asap|sofort|dringend|z(?:ü|ue)gig)[\s.!]*$/i.exec(
      text,
    ) ??
    // "Rakel 70 Newton einstellen", "Zone 3 240 Grad stellen": a value with its unit before the German verb that sets it.
    /\b(\d{1,4}(?:[.,]\d+)?)\s*(?:°\s*c|grad|°|bar|n|newton|mm\/s|%|prozent)\s+(?:ein)?(?:stellen|setzen|fahren|geben|machen|drehen)\b/i.exec(text) ??
    // "Zone 7 L2 oven: 249. thx": the terse "what: value" with a courtesy after it.
    /:\s*(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c|grad|bar|c|n)?\s*[.!,]?\s*(?:thx|thanks|ty|danke|pls|please|bitte)[\s.!]*$/i.exec(text) ??
    // "wär mit 188 besser dran": the value it would be better with.
    /\bmit\s+(\d{1,4}(?:[.,]\d+)?)\s*(?:°\s*c|grad|bar)?\s+besser\b/i.exec(text) ??
    // "request: L1-PRN, SqueegeePressureSetpointN, 85": the value after the setpoint's id.
    /\b[a-z0-9.]*setpoint[a-z]*\s*[,:=]\s*(-?\d+(?:[.,]\d+)?)/i.exec(text) ??
    // "241 would be better, can you do that", "6.8 would be safer": the value said to be better.
    /\b(\d{1,4}(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees|bar)?\s+(?:would be|w(?:ä|ae)re?)\s+(?:better|besser|good|gut|right|richtig|safer|sicherer|ideal)\b/i.exec(
      text,
    ) ??
    // "chiller's running too warm, we need 14 on the supply", "wir brauchen 6,8 am Kompressor": the value needed on it.
    /\b(?:we need|we'?d need|need|wir brauchen|brauchen wir)\s+(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees|bar|n|newton|mm\/s)?\s+(?:on|for|at|auf|am|an|f(?:ü|ue)r)\b/i.exec(
      text,
    ) ??
    // "chiller 14 then, QE agreed": a machine named in a word or two, then its value and "then".
    /^(?:(?:ok\w*|so|dann|then)[\s,]+)?[a-zäöüß-]+(?:\s+[a-zäöüß-]+)?\s+(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees|bar)?\s*,?\s*(?:then|dann)\b/i.exec(text) ??
    // "Spätschicht hatte 6,8 bar, stell das am Kompressor wieder so ein": the value a machine had, asked for again.
    /\b(?:hatte|hatten|had|war|was|lief|ran)\s+(?:\S+\s+){0,4}?(?:(?:auf|at|mit|bei|on)\s+)?(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees|bar|n)?(?![\d.,])(?=.*\b(?:wieder so|so wieder|genau so|genauso|wie vorher|back to that|put it back|same again|like that again)\b)/i.exec(
      text,
    ) ??
    // "chiller supply 15 pls": a bare value last, asked for with a courtesy.
    /(?<![\d.,:])\b(\d{1,4}(?:[.,]\d+)?)\s+(?:pls|plz|please|bitte)[\s.!]*$/i.exec(text) ??
    // "kaltwasser n bisschen waermer, 17 grad vorlauf": a change asked for, then the value with its unit and the setpoint's name.
    (CHANGE_WORD.test(text) ? /\b(\d{1,4}(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees|°|bar|n|mm\/s)\s+(?:[a-zäöüß-]+\s*){1,2}[.!]?\s*$/i.exec(text) : null) ??
    // "L2 printer squeegee 75N pls": a value last with a setpoint's unit.
    /\b(\d{1,4}(?:[.,]\d+)?)\s*(?:°\s*c|grad|°|bar|n|mm\/s)\s*(?:pls|please|bitte)?[\s.!]*$/i.exec(text);
  if (!match || isTimeOfDay(text, match)) return undefined;
  const value = Number(match[1]!.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

const NUMBER = String.raw`-?\d+(?:[.,]\d+)?`;
const UNIT = String.raw`(?:\s*(?:°\s*c|°|grad|degrees?|c|bar|n|mm\/s))?`;
/** "18 or 19", "18 oder 19", "zwischen 18 und 19", "18–19": two values offered, none chosen. */
const VALUE_ALTERNATIVES = new RegExp(
  String.raw`(?:\b(?:between|zwischen)\s+(${NUMBER})${UNIT}\s+(?:and|und)\s+(${NUMBER}))|(?:(?<!\b(?:line|linie|lines|zone|zones|l|ln|placer|pnp|oven|ofen)\s?)(?<![\d.,])(${NUMBER})${UNIT}\s*[?,.]?\s*(?:[–—-]\s*)?(?:(?:\bor\b|\boder\b|\bbzw\b\.?|\bbeziehungsweise\b)\s*(?:[^\d\s]+\s+){0,4}?|(?:\/|–|-(?=\s*\d)|\bbis\b)\s*)(${NUMBER}))`,
  'i',
);
/** "to 227", "auf 217", "stell 85 ein", "make it 178": a value asked for with its own word. */
const VALUE_ASKED_FOR =
  /(?<!\b(?:steht|stand|stehen|is|ist|war|was|liegt|l(?:ä|ae)uft|lief|reads|zeigt|sits|sitting|running|runs|at)\s+)\b(?:to|auf|(?:stell|setz|mach|set|put|make)\w*(?:\s+(?:it|es|ihn|die|den|das|mal|bitte))*)\s*:?\s*(-?\d+(?:[.,]\d+)?)(?![\d:.]\d|\s*(?:uhr|h\b|min))/gi;

/** "0.9… no wait, 0.95", "sorry, I mean 250", "äh nein, 248", "make that 250": the value after the last correction wins. */
const CORRECTION = new RegExp(
  String.raw`\b(?:no wait|no|wait|sorry|i mean|i meant|make (?:it|that)|actually|rather|correction|nein|nee|ich meine|ich meinte|lieber|besser|doch|äh|aeh|ähm|aehm)\b[\s,.:;!…]*(?:to|auf|make it|mach)?\s*(${NUMBER})(?![\d:])`,
  'gi',
);

export type SetpointValueReading = { value: number } | { alternatives: [number, number] } | undefined;

/**
 * The value a setpoint request asks for, read from the user's own words first and only then from the
 * question they answer: a self-correction wins ("0.9… no wait, 0.95"); two values offered ("18 or 19")
 * choose nothing, so the model asks rather than picking one to file for approval.
 */
export function requestedSetpoint(text: string, combined: string): SetpointValueReading {
  const toNumber = (raw: string) => Number(raw.replace(',', '.'));
  const offered = VALUE_ALTERNATIVES.exec(text);
  // ("auf 215? oder doch 218?": "oder doch" offers another value, it corrects none.)
  const correction = [...text.matchAll(CORRECTION)].filter((match) => !/\b(?:oder|or)\s*$/i.test(text.slice(0, match.index))).at(-1);
  // A correction only corrects a value said before it; "no, make it 250" on its own is just the value.
  // ("set zone 7 to 245. no sorry, 242 - 245 was last week's value": the correction, not a choice of two.)
  if (correction && new RegExp(NUMBER).test(withoutIdentifiers(text.slice(0, correction.index)))) return { value: toNumber(correction[1]!) };
  if (offered && !/^\s*(?::\d|uhr\b|o'?clock\b|am\b|pm\b|h\b|min)/i.test(text.slice(offered.index + offered[0].length))) {
    const [a, b] = offered
      .slice(1)
      .filter((raw): raw is string => raw !== undefined)
      .map(toNumber);
    // "profile wants 225-230. pls put the setpoint to 227", "Spec sagt 80–90. Stell 85 ein": a band told, and the value
    // asked for outside it — the request's value, not a choice between the band's ends.
    const askedElsewhere = [...text.matchAll(VALUE_ASKED_FOR)].map((match) => toNumber(match[1]!)).filter((value) => value !== a && value !== b);
    if (askedElsewhere.length === 0) return { alternatives: [a!, b!] };
    return { value: askedElsewhere.at(-1)! };
  }
  // Answering a question ("set zone 4 to 240?" → "no, 245"): a lone number of the answer is the value.
  const answered = combined !== text ? withoutIdentifiers(text).match(new RegExp(`(?<![\\d:.,])${NUMBER}(?![\\d:]|\\s*(?:uhr|h\\b|min))`, 'g')) : null;
  // "hab gesehen dass der Chiller auf 18 Grad steht, stell ihn auf 15": a reading reported first, the request last —
  // the value is the request's.
  // (A comma before a digit is a decimal comma: "steht auf 6,2, stell ihn auf 6,5" has two clauses.)
  // (A sentence ends a clause too: "we lowered zone 8 to 230 yesterday. put it back to 245".)
  const clauses = text.split(/,(?!\d)|;|\s[-–—]\s|(?<=[.!?])\s+/).filter((clause) => clause.trim());
  const lastClause = clauses.length >= 2 ? clauses.at(-1)! : undefined;
  const requested =
    lastClause && /\d/.test(lastClause) && REQUEST_WORD.test(lastClause)
      ? (TARGET_VALUE.exec(lastClause)?.[1] ?? setpointValue(lastClause)?.toString())
      : undefined;
  // "ran at 16 all night, fine. …, so please slow the line 1 oven conveyor to 13.5 mm/s, rest stays as it is": the
  // value is the one the clause with the setting verb asks for, wherever that clause stands.
  const askedInClause =
    clauses.length >= 2
      ? [...clauses]
          .reverse()
          .map((clause) => (VALUE_VERB.test(clause) ? /\b(?:to|auf)\s*:?\s*(-?\d+(?:[.,]\d+)?)(?![\d:]|\s*(?:uhr|h\b|min))/i.exec(clause)?.[1] : undefined))
          .find((value) => value !== undefined)
      : undefined;
  // "operator says it's running at 60, I want the setpoint at 45": the value the asker wants, whatever was told before.
  const wanted =
    /\b(?:i|we)\s+(?:want|need|would like|'d like)\s+(?:\S+\s+){0,4}?(?:at|to|on)\s+(-?\d+(?:[.,]\d+)?)(?![\d:])/i.exec(text)?.[1] ??
    /\b(?:ich|wir)\s+(?:will|wollen|m(?:ö|oe)chte\w*|h(?:ä|ae)tte\w* gern\w*|brauch\w*)\s+(?:\S+\s+){0,4}?(?:auf|bei)\s+(-?\d+(?:[.,]\d+)?)(?![\d:])/i.exec(
      text,
    )?.[1];
  const own =
    requested ??
    wanted ??
    askedInClause ??
    TARGET_VALUE.exec(text)?.[1] ??
    /:\s*(-?\d+(?:[.,]\d+)?)\s*$/.exec(text)?.[1] ??
    setpointValue(text)?.toString() ??
    (answered?.length === 1 ? answered[0] : undefined);
  // From the turn before, only a value asked for ("set zone 4 to 240?" → "yes"), never one read out or told ("conveyor
  // speed is 16?" → "make it faster" names no new value).
  const raw = own ?? loneValue(text) ?? (combined !== text ? (ASKED_VALUE.exec(combined)?.[1] ?? setpointValue(combined)?.toString()) : undefined);
  return raw === undefined ? undefined : { value: toNumber(raw) };
}

/**
 * "the boss says 7 bar on the air header, make it so", "Chiller Sollwert 11 °C, die Kühlzonen sind zu warm": a
 * request that is already known to be a setpoint change and holds exactly one number that names no machine,
 * zone, line, id, time, duration or quantity — that number is the value. Two such numbers choose nothing.
 */
function loneValue(text: string): string | undefined {
  const plain = withoutIdentifiers(text)
    // Ids with digits in them ("L1-PRN", "Zone2.SetpointC", "STM32H743", "PO-24119", "2x").
    .replace(/[\p{L}_]+[\p{L}\d_.-]*\d[\p{L}\d_.-]*|\d+[\p{L}_][\p{L}\d_.-]*/gu, ' ')
    .replace(/\b(?:zoen|zome|zohne|zon)\s*\d+\b/gi, ' ');
  const candidates = [...plain.matchAll(/(?<![\d.,:-])-?\d+(?:[.,]\d+)?(?![\d:])/g)].filter((match) => {
    const after = plain.slice(match.index + match[0].length);
    const before = plain.slice(0, match.index);
    return (
      !/^\s*(?:uhr\b|o'?clock\b|am\b|pm\b|h\b|hrs?\b|hours?\b|stunden?\b|std\b|min\w*|sec\w*|s\b|tage?n?\b|days?\b|x\b|pcs\b|stk\b|st(?:ü|ue)ck|boards?\b|platinen|units?\b|pieces\b|rollen?\b|reels?\b)/i.test(
        after,
      ) &&
      !/\b(since|seit|from|ab|um|bis|until|till|before|after|vor|nach|last|past|letzte\w*|vergangene\w*|between|zwischen|half|halb|for|f(?:ü|ue)r)\s*$/i.test(
        before,
      ) &&
      // A reading reported, not a value asked for: "has been at 190", "zeigt 19", "steht auf 18", "currently 6.1".
      !/\b(at|is|was|were|been|reads|reading|shows|showing|currently|now|zeigt|steht auf|steht bei|liegt auf|liegt bei|war|ist|hatte|had|aktuell|gerade|jetzt|noch)\s*$/i.test(
        before,
      )
    );
  });
  return candidates.length === 1 ? candidates[0]![0] : undefined;
}

/** The text without the numbers that name things rather than values: "zone 3", "line 1", "pnp2", "oven 1". */
function withoutIdentifiers(text: string): string {
  return text.replace(/\b(?:zone|line|linie|l|pnp|p&p|oven|ofen|placer|bestücker|bestuecker)\s*\d+\b/gi, ' ');
}

/** The verbs that ask for a new value, at the start of a request's clause. */
const REQUEST_WORD =
  /^\s*(?:(?:so|dann|then|ok|okay|bitte|please|pls|mal)\s+)*(?:set|change|raise|lower|increase|decrease|adjust|reduce|bump|crank|drop|turn|take|bring|put|make|setz\w*|stell\w*|dreh\w*|mach\w*|nimm|bring\w*|erh(?:ö|oe)h\w*|senk\w*|wieder\s+auf|zur(?:ü|ue)ck\s+auf|back\s+(?:up\s+|down\s+)?to)\b/i;

/** A verb that moves a value, anywhere in its clause ("so please slow the conveyor to 13.5"): which clause names the value. */
const VALUE_VERB =
  /\b(?:set|change|raise|lower|increase|decrease|adjust|reduce|bump|crank|drop|turn|take|bring|put|make|slow|speed|cool|heat|setz\w*|stell\w*|dreh\w*|nimm|bring\w*|erh(?:ö|oe)h\w*|senk\w*|reduzier\w*|(?:ä|ae)nder\w*|fahr\w*|mach\w*|runter|hoch|rauf)\b/i;

/** "to 185", "auf 48", "= 175", "should be 180": a value asked for, not one read out ("is 16"). */
const ASKED_VALUE = /\b(?:to|auf|=|should be|soll|sollen)\s*:?\s*(-?\d+(?:[.,]\d+)?)/i;

/** "to 185", "auf 48", "= 175", "should be 180": the value a change names. */
export const TARGET_VALUE = /\b(?:to|at|auf|=|is|should be|soll|sollen)\s*:?\s*(-?\d+(?:[.,]\d+)?)/i;

/** "since 7:30", "at 9 o'clock", "seit 6 Uhr", "last 30 min": the number is a time, not a value to set. */
function isTimeOfDay(text: string, match: RegExpExecArray): boolean {
  const end = match.index + match[0].length;
  const start = match.index + match[0].lastIndexOf(match[1]!);
  const after = text.slice(end);
  const before = text.slice(0, start);
  return (
    /^\s*(?::\d|uhr\b|o'?clock\b|am\b|pm\b|h\b|hrs?\b|hours?\b|stunden?\b|std\b|min\w*|mins?\b|sec\w*|s\b)/i.test(after) ||
    /\d[:.]$/.test(before) ||
    // "header pressure from 22 to 2 last night, hourly": a clock range beside words of time (not "air from 6 to 7 bar").
    (/\b(?:from|von|between|zwischen)\s+(?:[01]?\d|2[0-4])(?:[:.]\d{2})?\s*(?:uhr\s*)?(?:to|bis|and|und|-|–)\s*$/i.test(before) &&
      /\b(?:last night|yesterday|gestern|vorgestern|tonight|today|heute|night|nacht|morning|früh|evening|abend|trend|verlauf|history|historie|hourly|st(?:ü|ue)ndlich|values|werte|shift|schicht|alarm\w*)\b/i.test(
        text,
      )) ||
    /\b(since|seit|from|ab|um|bis|until|till|before|after|vor|nach|last|past|letzte\w*|vergangene\w*|between|zwischen|and|und|half|halb|quarter (?:past|to)|viertel (?:nach|vor)|dreiviertel)\s*$/i.test(
      before,
    )
  );
}

/** A schedule draft's id, a UUID ("Entwurf 7d3c2a10-… freigeben"). */
export const DRAFT_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
