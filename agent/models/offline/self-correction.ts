/**
 * "stop placer 2 on line 1, no wait, line 2", "AOI results for PO-24117, no sorry, PO-24123", "what if the chiller is
 * down for 4h — make it 6h", "taktzeit vom ICT L1 – sorry, vom AOI L1", "reset the L1 ICT, no sorry, clear it first",
 * "Linie 1 äh nee Linie 2 Bestücker 1 anhalten": people correct themselves inside one message. The correction replaces
 * the slot of the same kind said before it (a line, an order, a code, a zone, a number, a machine, a command), so the
 * request is read as it was finally meant — not as first typed, which would file the write the asker took back.
 *
 * A correction that is no slot changes the whole request: "kompressor abschalten – ach quatsch, nicht machen" takes the
 * write back; "AOI Linie 2 stoppen, nee, zeig erst mal die aktiven Alarme davon" asks for the read instead; "set zone 3 to
 * 185 — no, something lower, not sure yet" leaves no value to file.
 */
import { escapeRegExp } from './text';
import { aliasesOf, resolveAsset } from './asset-resolver';
import type { AssetRef } from '../../assets';
import { parseCommand } from './commands';
import { detectLanguage } from './language';

/** Words that correct what was just said; the ones in STRONG may also take it back or replace the request. */
const STRONG = String.raw`(?:ne|nee|nein) stopp|no wait|no sorry|no(?!\s+(?:need|problem|worries|rush|hurry|idea|big deal))|nope|nah|sorry|correction|typo|oops|wait|ugh|my bad|i mean|i meant|scratch that|actually|nein|nee|ne|nö|quatsch|korrektur|korrigiere|vertippt|falsch|ach was|ach nee|ach quatsch|moment|warte|halt`;
const WEAK = String.raw`uh|umm|er(?=[\s,]+(?:no|nope|sorry|i mean|make))|erm|äh|ähm|hm+|hmm+|make it|make that|or rather|rather|lieber|doch|ach mach|ach|mach`;

/** A separator before the correction: a comma, a dash, an ellipsis, a question mark — or a spoken "äh" / "uh". */
const MARKER = new RegExp(
  // (A full stop too, before a plain "no wait", "sorry", "nee": "send RUN-1. no wait, RUN-2 first".)
  String.raw`(?:\s*(?:[,;:?!–—]|\.{2,}|…|\s-\s|\.(?=\s+(?:no wait|no sorry|sorry|nope|nah|nee|nein|ne|ach nee|quatsch|oops|correction|korrektur)\b))\s*|\s+(?=(?:äh|ähm|uh|umm)\b))((?:(?:${STRONG}|${WEAK})(?![\p{L}\d])[\s,.:;!–—-]*)+)`,
  'giu',
);
const STRONG_WORD = new RegExp(String.raw`(?<![\p{L}])(?:${STRONG})(?![\p{L}])`, 'iu');

/** Words around the corrected slot that say nothing about it: "…, sorry, 24122 mein ich", "…, lieber 25 bitte". */
const LEADING_FILLER =
  /^(?:(?:the|den|die|das|der|dem|von der|vom|von|for|für|fuer|on|auf|an|am|at|in|im|nur|only|just|do|make it|make that|mach|ich meine?|ich meinte|i mean|i meant|(?:it |that )?should(?:'ve| have)? been|(?:it |that )?should be|it'?s|it was|es ist|es war|sollte|soll)\s+)+/i;
const TRAILING_FILLER =
  /(?:\s*[,;–—-]?\s*(?:not|nicht)\s+[\p{L}\d-]+)?(?:\s+(?:mein(?:e|te)? ich|i mean|i meant|please|pls|bitte|first|erst(?:mal)?|zuerst|instead|stattdessen|then|dann|natürlich|of course|sollte (?:das|es) sein|soll(?:te)? es sein|w(?:ä|ae)re richtig|is right|was meant))*\s*[.!?]*\s*$/iu;

/** "it", "davon", "that machine": a correction that names no target of its own points back at the one said before. */
const POINTS_BACK = /\b(?:it|its|that|there|davon|dafür|daf(?:ü|ue)r|dort|da|ihn|sie|es|der maschine|die maschine|the machine)\b/i;

/** A correction that takes the request back. */
const TAKEN_BACK =
  /\b(?:don'?t|do not|not|never mind|forget (?:it|that)|hold off|cancel|leave it|nicht|nix|nichts|vergiss|storno|stornier\w*|lass(?:\s+(?:mal|es|das|gut sein))?|doch nicht|lieber nicht|selber|selbst)\b/i;

/** A correction that asks for something else instead. */
const ASKS_INSTEAD = /\b(?:show|zeig\w*|what|which|how|wie|was|welche\w*|check|pr(?:ü|ue)f\w*|give|gib|list|pull|look|schau\w*|guck\w*)\b/i;

/** A correction that is unsure: no value or machine to file. */
const UNSURE =
  /\b(?:lower|higher|something|not sure|no idea|nicht sicher|wei(?:ß|ss) (?:noch )?nicht|keine ahnung|weniger|mehr|eher|other one|the other|andere\w*|falsche?\w*)\b/i;

const UNIT = String.raw`(?:h|hrs?|hours?|std|stunden?|min|mins|minutes?|minuten|tage?n?|days?|boards?|platinen|stück|stueck|pcs|°\s*c|°|grad|degrees|bar|n|mm\/s|%|prozent|percent)`;

/** Spans in the request that are not free numbers: lines, zones, orders, codes, ids. */
const NOT_A_FREE_NUMBER =
  /\b[a-z]+-\d+\b|\b(?:line|linie|l|zone|prio\w*|p|run|po|feeder|spur|bestücker|placer|pnp|e|w)[\s-]?\d+\b|\b\d{5,}\b|\b[a-z]+\d+[a-z\d-]*\b|\b\d+[a-z]+\d[a-z\d-]*\b/gi;

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let last: RegExpExecArray | undefined;
  for (let match = global.exec(text); match; match = global.exec(text)) last = match;
  return last;
}

function replaceAt(text: string, match: RegExpExecArray, replacement: string): string {
  return `${text.slice(0, match.index)}${replacement}${text.slice(match.index + match[0].length)}`;
}

/** The request with its last slot of the corrected one's kind replaced, or undefined when the kinds do not meet. */
function replacedSlot(request: string, slot: string, assets: readonly AssetRef[]): string | undefined {
  // A part number or id: "STM32H743ZIT6? no wait, XC7Z010-1CLG400C", "bestand von 744043100? moment, 61201621621".
  if (/^(?=[\w-]*\d)(?=[\w-]*[a-z]|\d{6,})[a-z\d][\w-]{5,}$/i.test(slot) && !/^(?:line|linie|zone|run|po)/i.test(slot)) {
    const code = lastMatch(/(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[a-z]|\d{6,})[a-z\d][\w-]{5,}(?![\w-])/i, request);
    if (code && !/^l\d-/i.test(code[0])) return replaceAt(request, code, slot);
  }
  // An order: "why is PO-24119 late — sorry, 24120".
  const order = /^(?:po[-\s]?|auftrag\s+|order\s+|fa\s+)?(\d{5})$/i.exec(slot);
  if (order) {
    const said = lastMatch(/\b(?:po[-\s]?)?\d{5}\b/i, request);
    return said ? replaceAt(request, said, `PO-${order[1]}`) : undefined;
  }
  // An alarm code: "any E-301 today? sorry, E-302".
  if (/^[a-z]-?\d{3}$/i.test(slot) && !/^[lp]/i.test(slot)) {
    const said = lastMatch(/\b(?![lp][-\s]?\d)[a-z]-?\d{3}\b/i, request);
    return said ? replaceAt(request, said, slot) : undefined;
  }
  // A line: "…, no wait, line 2", "– ne, L2", "ugh no, line 2".
  const line = /^(?:line|linie|l)\s*(\d|one|two|eins|zwei|zwo)(?:'s)?$/i.exec(slot);
  if (line) {
    const said = lastMatch(/\b(?:line|linie|l)\s*(?:\d\b(?!-)|(?:one|two|eins|zwei|zwo)\b)/i, request);
    const number = /^\d$/.test(line[1]!) ? line[1] : /^(?:one|eins)$/i.test(line[1]!) ? '1' : '2';
    return said ? replaceAt(request, said, `line ${number}`) : undefined;
  }
  // A shift: "alarms from the late shift on line 1, sorry, I mean the early shift".
  const shift = /^(early|late|night|morning|früh|frueh|spät|spaet|nacht)\w*(?:\s*(?:shift|schicht))?$/i.exec(slot);
  if (shift) {
    const said = lastMatch(/\b(?:early|late|night|morning|fr(?:ü|ue)h|sp(?:ä|ae)t|nacht)\w*(?:\s*(?:shift|schicht))?\b/i, request);
    return said ? replaceAt(request, said, slot) : undefined;
  }
  // A thing and its number: "zone 7", "prio 1", "Bestücker 2", "feeder 4", "PnP2", "RUN-1".
  const numbered = /^([a-zäöüß]+)[\s-]?(\d+)$/i.exec(slot);
  if (numbered) {
    const word = numbered[1]!.toLowerCase();
    const said = lastMatch(new RegExp(String.raw`\b${word}[\s-]?\d+\b`, 'i'), request);
    if (said) return replaceAt(request, said, slot);
  }
  // A number, with its unit or not: "4h — make it 6h", "20 boards …, uh, 30 boards", "to 14 mm/s, uh 15.5", "lieber 25".
  const number = new RegExp(String.raw`^(-?\d+(?:[.,]\d+)?)\s*(${UNIT})?$`, 'i').exec(slot);
  if (number) {
    const masked = request.replace(NOT_A_FREE_NUMBER, (span) => '#'.repeat(span.length));
    const unit = number[2];
    const pattern = unit
      ? new RegExp(String.raw`(?<![\w.,])-?\d+(?:[.,]\d+)?\s*${unitPattern(unit)}(?![\p{L}])`, 'iu')
      : /(?<![\w.,#])-?\d+(?:[.,]\d+)?(?![\d#])/;
    const said = lastMatch(pattern, masked) ?? (unit ? lastMatch(/(?<![\w.,#])-?\d+(?:[.,]\d+)?(?![\d#])/, masked) : undefined);
    if (!said) return undefined;
    // "chiller setpoint is 15, make it 14": a value told is no value asked for, and "make it 14" is the request.
    if (/\b(?:is|was|ist|war|steht(?:\s+(?:auf|bei))?|at|bei|runs at|l(?:ä|ae)uft (?:auf|mit|bei))\s*$/i.test(request.slice(0, said.index))) return undefined;
    // Masking keeps lengths, so the span found is the request's own; a unit said before stays unless another is given.
    const end = said.index + said[0].length;
    const unitSaid = request.slice(said.index, end).replace(/^-?\d+(?:[.,]\d+)?\s*/, '');
    return `${request.slice(0, said.index)}${number[1]}${unit ? ` ${unit}` : unitSaid ? ` ${unitSaid}` : ''}${request.slice(end)}`;
  }
  // A machine: "how's the printer on line 1 doing, no sorry, the SPI", "taktzeit vom ICT L1 – sorry, vom AOI L1".
  const meant = resolveAsset(slot, [...assets]);
  if (meant.kind === 'none' || (meant.kind === 'one' && meant.asset.type === 'line')) return undefined;
  const first = resolveAsset(request, [...assets]);
  if (first.kind !== 'one' || first.asset.type === 'line') return undefined;
  if (meant.kind === 'one' && meant.asset.id === first.asset.id) return undefined;
  const lower = request.toLowerCase();
  const alias = aliasesOf(first.asset)
    .filter((name) => new RegExp(String.raw`(?<![\p{L}\d])${spaced(name)}(?![\p{L}\d])`, 'iu').test(lower))
    .sort((a, b) => b.length - a.length)[0];
  if (!alias) return undefined;
  const at = lastMatch(new RegExp(String.raw`(?<![\p{L}\d])${spaced(alias)}(?![\p{L}\d])`, 'iu'), request)!;
  return replaceAt(request, at, slot);
}

function unitPattern(unit: string): string {
  const u = unit.toLowerCase();
  if (/^(?:h|hrs?|hours?|std|stunden?)$/.test(u)) return '(?:h|hrs?|hours?|std|stunden?)';
  if (/^(?:min|mins|minutes?|minuten)$/.test(u)) return '(?:min|mins|minutes?|minuten)';
  if (/^(?:tage?n?|days?)$/.test(u)) return '(?:tage?n?|days?)';
  if (/^(?:boards?|platinen|stück|stueck|pcs)$/.test(u)) return '(?:boards?|platinen|stück|stueck|pcs)';
  if (/^(?:°\s*c|°|grad|degrees)$/.test(u)) return '(?:°\\s*c|°|grad|degrees)';
  if (/^(?:%|prozent|percent)$/.test(u)) return '(?:%|prozent|percent)';
  return escapeRegExp(unit);
}

/** A name as typed with a space or a hyphen between its words ("fine pitch", "fine-pitch"). */
function spaced(name: string): string {
  return escapeRegExp(name).replace(/ /g, '[\\s-]+');
}

/** A command verb at the request's start, which a corrected command replaces: "reset the L1 ICT" → "clear the L1 ICT". */
const LEADING_COMMAND_VERB =
  /^(?:(?:please|pls|bitte|mal)\s+)*(?:stop|start|hold|pause|reset|clear|resume|unhold|restart|quittier\w*|stopp\w*|start\w*|resett?\w*|clear\w*|anhalten|halt)\b/i;

/** "— reset mein ich, nicht clear", ", line 2 I mean": the correction said with "I mean" after it, as "sorry, …". */
const MEANT_AFTER = /(\s[–—-]|[,;:–—])\s*([^,;:–—]{1,30}?)\s+(?:mein(?:e|te)? ich|i mean|i meant)\b/i;

/**
 * The request with the slot the correction names replaced ("…, 24122 mein ich", "line 2", "clear it first"), or undefined
 * when the correction names no slot of a kind the request has. Also for a correction sent as the next message.
 */
export function withSlotCorrected(request: string, correction: string, assets: readonly AssetRef[]): string | undefined {
  return slotCorrected(request, correction, assets) ?? clauseByClause(request, correction, assets);
}

/** "not the chiller", "nicht 2", "statt 24": a clause that names what was not meant — it replaces nothing. */
const RULED_OUT = /^(?:(?:no|nee|ne|nein)[\s,]+)?(?:not|nicht|nich|statt|instead of|anstatt|rather than)\b/i;
const SAID_ASIDE =
  /(?:\b(?:is|are|was|ist|sind|war|can|could|kann|bleibt|stays|läuft|laeuft|runs|running|passt|looks|sieht)\b|'s\b)|^(?:the |der |die |das |den )?(?:same|gleiche[rns]?|selbe[rns]?)\b/i;
/** "forget it", "lass es", "doch nicht": a clause that takes the whole request back — then nothing is corrected. */
const WHOLE_TAKE_BACK =
  /\b(?:forget (?:it|that)|never ?mind|leave it|cancel (?:it|that)|don'?t do (?:it|that|anything)|lass (?:es|das|gut sein)|doch nicht|nicht machen|vergiss (?:es|das)|abbrechen|storno)\b/i;

/**
 * "I meant 6.5, fat fingers", "no not the chiller, I meant the compressor — 6.2 bar", "L1 fine pitch placer, the printer's
 * fine", "nee nicht der chiller, der kompressor soll auf 6,6 bar": a correction of several clauses — each that names a slot
 * replaces it, what was ruled out or said aside replaces nothing. Undefined when no clause corrects, or one takes it all back.
 */
function clauseByClause(request: string, correction: string, assets: readonly AssetRef[]): string | undefined {
  const clauses = correction
    .split(/\s*(?:[;:]|,(?!\d)|\.(?!\d)|\s[–—-]\s|[–—])\s*/)
    // ("der kompressor soll auf 6,6 bar": the machine and its value, each a slot.)
    .flatMap((clause) => clause.split(/\s+(?:(?:soll(?:te)?|should be|should go|muss|needs? to be)\s+)?(?:auf|to|at)\s+(?=-?\d)/i))
    .map((clause) => clause.trim())
    .filter(Boolean);
  if (clauses.length < 2 || clauses.some((clause) => WHOLE_TAKE_BACK.test(clause))) return undefined;
  // The correction proper comes first: "squeegee pressure, 90 N" corrects a setting this cannot replace, so its "90 N" may
  // not be read as a new value for the old one; "the other command" names nothing.
  // ("…, the printer's fine", "…, L1 can wait", "Zone 8 bleibt": a clause with a verb of its own is said aside, no slot.)
  const said = clauses.filter((clause) => !RULED_OUT.test(clause) && !SAID_ASIDE.test(clause));
  if (said.some((clause) => /\b(?:other|andere\w*)\b/i.test(clause))) return undefined;
  // ("nein, halt, nicht den": its "halt" is "wait" in a take-back — commands corrected are read whole, in withSlotCorrected.)
  if (TAKEN_BACK.test(correction) && said.some((clause) => parseCommand(clause) !== undefined)) return undefined;
  let current = request;
  for (const [index, clause] of said.entries()) {
    const next = slotCorrected(current, clause, assets);
    if (next === undefined && index === 0) return undefined;
    // (A clause left over may be an aside — "fat fingers" — but one with a value, machine or command of its own is the rest
    // of the request said after the correction: "the fine-pitch line 2 — no, sorry, the oven on line 2, zone 1 to 200".)
    if (next === undefined && (/\d/.test(clause) || parseCommand(clause) !== undefined || resolveAsset(clause, [...assets]).kind !== 'none'))
      return `${current}, ${said.slice(index).join(', ')}`;
    current = next ?? current;
  }
  return current === request ? undefined : current;
}

function slotCorrected(request: string, correction: string, assets: readonly AssetRef[]): string | undefined {
  const slot = correction.replace(TRAILING_FILLER, '').replace(LEADING_FILLER, '').trim();
  if (!slot || slot.split(/\s+/).length > 4) return undefined;
  const replaced = replacedSlot(request, slot, assets);
  if (replaced !== undefined) return replaced;
  // A command meant instead of the one said: "reset the L1 ICT, no sorry, clear it first", "quittier … — reset mein ich".
  const command = parseCommand(slot.replace(/\b(?:it|ihn|es|sie)\b/gi, ' ').trim());
  // ("nein, halt, nicht den" takes the command back — its "halt" is "wait"; "reset mein ich, nicht clear" rules out a command.)
  const ruledOut = /\b(?:not|nicht)\s+(\S+)/i.exec(correction)?.[1];
  if (command && TAKEN_BACK.test(correction) && !(ruledOut && parseCommand(ruledOut))) return undefined;
  const said = LEADING_COMMAND_VERB.exec(request);
  if (command && said && parseCommand(request) !== command && slot.split(/\s+/).length <= 3 && !TAKEN_BACK.test(slot))
    return `${command} ${request.slice(said[0].length).trim()}`;
  return undefined;
}

export function withSelfCorrection(given: string, assets: readonly AssetRef[]): string {
  const text = withLineCorrectedInPlace(given).replace(MEANT_AFTER, '$1 sorry, $2');
  const marker = lastMatch(MARKER, text);
  if (!marker) return text;
  const request = text.slice(0, marker.index).trim();
  const correction = text.slice(marker.index + marker[0].length).trim();
  const words = correction.split(/\s+/).filter(Boolean);
  // A correction is one short phrase: "…, no need to tell me. What is line 2 running now" is a new sentence, no correction.
  if (request.split(/\s+/).length < 2 || words.length === 0 || words.length > 10 || /[.!?]\s+\S/.test(correction)) return text;
  // "not 245, I meant 238": a value ruled out and the one meant, which negated-clauses.ts reads.
  if (/^(?:(?:no|nein|nee|ne)[\s,.!]+)?(?:not|nicht)\b/i.test(request)) return text;
  const strong = STRONG_WORD.test(marker[1]!);
  const corrected = withSlotCorrected(request, correction, assets);
  if (corrected !== undefined) return `${corrected}${/\?\s*$/.test(text) || /\?/.test(text.slice(0, marker.index + 1)) ? '?' : ''}`;
  if (!strong) return text;
  // "Linie 1 äh nee Linie 2 Bestücker 1 anhalten" is read by the adjacency below; a whole new request needs a strong word.
  if (TAKEN_BACK.test(correction) && !parseCommand(correction.replace(TAKEN_BACK, ' ')))
    // (Said as the request taken back, so the reply says nothing is changed.)
    return detectLanguage(text) === 'de' ? `${request} – doch nicht` : `${request} — no, forget it`;
  if (ASKS_INSTEAD.test(correction) && words.length >= 2) {
    const target = resolveAsset(request, [...assets]);
    const own = resolveAsset(correction, [...assets]);
    return target.kind === 'one' && own.kind === 'none' && POINTS_BACK.test(correction) ? `${correction} (${target.asset.id})` : correction;
  }
  if (UNSURE.test(correction)) return correction;
  return text;
}

/** "Linie 1 äh nee Linie 2 Bestücker 1 anhalten": a line said, corrected on the spot, then the rest of the request. */
const LINE_CORRECTED_IN_PLACE = new RegExp(
  String.raw`\b(?:line|linie|l)\s*\d\s*[,–—-]?\s*(?:(?:${STRONG}|${WEAK})(?![\p{L}\d])[\s,.:;!–—-]*)+(?=(?:line|linie|l)\s*\d\b)`,
  'giu',
);

function withLineCorrectedInPlace(text: string): string {
  return text.replace(LINE_CORRECTED_IN_PLACE, '');
}
