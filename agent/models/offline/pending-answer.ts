/**
 * A short answer to the copilot's own question back, read against that question: "which printer?" →
 * "2", "die zwo", "the L1 one" is the machine on that line; "what value?" → "6,8 bar", "45" is the value
 * asked for. The request the question was about (the pending question) says everything else, so the
 * answer only adds what that request lacked — the machine's id or "to 6.8 bar" — and nothing else
 * of it is guessed. Anything that is not such an answer is read as it was typed.
 */

import { speltValuesAsDigits } from './number-words';

/** What the copilot asked: which of the machines it listed, or the value of a change it was about to file. */
export type PendingAsk =
  | { kind: 'which-machine'; candidates: string[] }
  | { kind: 'which-line' }
  | { kind: 'value' }
  | { kind: 'which-hours' }
  | { kind: 'correction'; request: string }
  | { kind: 'other' };

/** The copilot's clarifying questions, as replies.ts and the write planners phrase them. */
const WHICH_MACHINE = /^(?:Which one do you mean|Welche meinen Sie)\b/;
const WHAT_VALUE = /^(?:What value should|To what value exactly|Auf welchen Wert)\b/;
const WHICH_LINE = /^(?:For which line|Which line|Für welche Linie|Welche Linie)\b/;
/** "What should be different in “set zone 3 … to 190”?", as a correction that could not be read is asked back. */
const WHAT_DIFFERENT = /^(?:What should be different in “(.+)”\?|Was soll an „(.+)“ anders sein\?)/;
/** "2 to 4 at night (02:00–04:00) or in the afternoon (14:00–16:00)?", as the work-order planner asks it. */
const WHICH_HOURS = /^\d+ (?:to|bis) \d+ (?:at night|in der Nacht) \(/;
/** "**Stencil printer L1** (L1-PRN)": the ids the question offers, in the order it lists them. */
const OFFERED_ID = /\(([A-Z][A-Z0-9]*-[A-Z0-9-]+)\)/g;

export function pendingAsk(question: string | undefined): PendingAsk {
  if (!question) return { kind: 'other' };
  if (WHICH_MACHINE.test(question)) return { kind: 'which-machine', candidates: [...question.matchAll(OFFERED_ID)].map((match) => match[1]!) };
  if (WHAT_VALUE.test(question)) return { kind: 'value' };
  if (WHICH_LINE.test(question)) return { kind: 'which-line' };
  if (WHICH_HOURS.test(question)) return { kind: 'which-hours' };
  const different = WHAT_DIFFERENT.exec(question);
  if (different) return { kind: 'correction', request: different[1] ?? different[2]! };
  return { kind: 'other' };
}

const LINE_NUMBER: Record<string, number> = { one: 1, two: 2, eins: 1, zwei: 2, zwo: 2, erste: 1, first: 1, zweite: 2, second: 2 };

/**
 * The line an answer to "which one?" names, and the words that name it: "2", "on 2", "die zwo", "der 2er",
 * "line 1", "the L1 one", "der in Linie 2", "L2's". Only for answers of a few words — a sentence of its own
 * is a request of its own.
 */
function lineAnswered(answer: string): { line: number; span: [number, number] } | undefined {
  if (answer.trim().split(/\s+/).length > 6) return undefined;
  const named = /\b(?:l|line|linie|lin)\s*-?\s*([12])(?:'s|er)?\b/i.exec(answer);
  const bare =
    named ??
    /^\s*(?:(?:on|auf|in|at|an|the|die|der|den|das|dem|number|nummer|nr\.?)\s+)*(1|2|one|two|eins|zwei|zwo)(?:er|'s)?(?:\s+(?:one|bitte|please|pls|then|dann))*\s*[.!]?\s*(?=$|,)/i.exec(
      answer,
    );
  if (!bare) return undefined;
  const word = bare[1]!.toLowerCase();
  const line = /^\d$/.test(word) ? Number(word) : LINE_NUMBER[word];
  if (line === undefined) return undefined;
  return { line, span: [bare.index, bare.index + bare[0].length] };
}

/** "the first one", "der erste", "the second", "die zweite": the place in the question's own list. */
function placeAnswered(answer: string): { index: number; span: [number, number] } | undefined {
  const match = /^\s*(?:(?:the|die|der|den|das)\s+)?(first|second|erste\w*|zweite\w*)(?:\s+(?:one|bitte|please))?\s*[.!]?\s*$/i.exec(answer);
  if (!match) return undefined;
  return { index: /^(first|erste)/i.test(match[1]!) ? 0 : 1, span: [0, answer.length] };
}

/** "6,8 bar", "45", "auf 185 bitte", "7 bar, it keeps dropping under 6": the value, leading the answer. */
const VALUE_ANSWER =
  /^\s*(?:(?:ok(?:ay)?|ja|yes|yep|dann|then|make it|mach|nimm|take)[\s,]+)?(?:(?:to|auf|on|=)\s+)?(-?\d+(?:[.,]\d+)?)\s*(°\s*c|°|grad|degrees?|deg|bar|mm\/s|n|newton|%|prozent|percent|ppm|kpa|mbar)?\s*(?:(?:bitte|please|pls|thanks|thx|danke)\b)?\s*(?:$|[.!]\s*$|[,;:–—-]\s+)/i;

/** "which printer?" → "2", "the first one": the machine the answer picks from those offered, and what else it says. */
export function machineAnswered(answer: string, ask: PendingAsk): { id: string; rest: string } | undefined {
  if (ask.kind !== 'which-machine' || ask.candidates.length < 2) return undefined;
  const line = lineAnswered(answer);
  const onLine = line ? ask.candidates.filter((id) => id.startsWith(`L${line.line}-`)) : [];
  const place = line ? undefined : placeAnswered(answer);
  const id = onLine.length === 1 ? onLine[0] : place ? ask.candidates[place.index] : undefined;
  const span = line?.span ?? place?.span;
  if (!id || !span) return undefined;
  const rest = `${answer.slice(0, span[0])} ${answer.slice(span[1])}`.replace(/^[\s,.;:–—-]+|[\s,.;:–—-]+$/g, '').trim();
  return { id, rest };
}

/**
 * "what value?" → "6,8 bar", "45", "auf 185 bitte", "7 bar, it keeps dropping under 6 at the end of line 2": the value
 * alone ("to 6,8 bar"), which answers the question about a change the copilot was about to file — the reason that may
 * follow names no other machine or value.
 */
export function valueAnswered(answer: string, ask: PendingAsk, language: 'en' | 'de'): string | undefined {
  if (ask.kind !== 'value') return undefined;
  // "hundertachtzig", "one eighty-five": a value in words, in digits (the words are read as a value after "to").
  const value = VALUE_ANSWER.exec(speltValuesAsDigits(`to ${answer.trim()}`).replace(/^to\s+/, ''));
  if (!value) return undefined;
  return `${language === 'de' ? 'auf' : 'to'} ${value[1]}${value[2] ? ` ${value[2]}` : ''}`;
}

/**
 * "2", "die zwo", "line 1" and nothing else: the line an answer or a short follow-up names ("what runs out first on the
 * line?" → "for which line?" → "2"; "wie läuft's auf der Linie" → "zwo").
 */
export function lineOnly(answer: string): number | undefined {
  const line = lineAnswered(answer);
  if (!line) return undefined;
  const rest = `${answer.slice(0, line.span[0])} ${answer.slice(line.span[1])}`.replace(/[\s,.;:!?–—-]+/g, ' ').trim();
  return rest === '' || /^(?:bitte|please|pls|then|dann|one|die|der|das|the|on|auf|in)$/i.test(rest) ? line.line : undefined;
}

/**
 * "2 to 4 at night or in the afternoon?" → "afternoon", "nachmittags", "14-16", "pm"; "nachts", "night", "the early
 * one", "02-04": which reading of the small-hour clocks the answer picks, or undefined when it picks none.
 */
export function hoursAnswered(answer: string, ask: PendingAsk): 'night' | 'afternoon' | undefined {
  if (ask.kind !== 'which-hours' || answer.trim().split(/\s+/).length > 6) return undefined;
  const t = answer.toLowerCase();
  const afternoon = /\b(?:afternoon|nachmittags?|pm|p\.m|tags(?:ü|ue)ber|day ?time|1[3-9])\b/.test(t);
  // (German "am Nachmittag" is no a.m.: only "am" said alone or after a clock.)
  const night = /\b(?:night|nights|nachts?|overnight|a\.m|early|fr(?:ü|ue)h|morning|morgens|0[1-7](?::00)?)\b|(?:^|\d\s*)am\s*$/.test(t);
  return afternoon === night ? undefined : afternoon ? 'afternoon' : 'night';
}
