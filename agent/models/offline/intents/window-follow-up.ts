/**
 * A follow-up that only moves the window of the read just made: "and the hour before that?", "und davor?", "the next
 * hour", "same time yesterday", "und die Nacht davor?", "go back another 2 hours", "extend it to midnight", "make it 4
 * hours", "nur bis 22 Uhr", "eine Stunde früher". The new window is worked out from the earlier one — a window asked
 * for afresh ("zoom in on 3 to 5 this morning") is read by the time rules as any window is.
 */
import { foldInitialUmlauts } from '../text';
import { clockSaid, parseTimeWindow, unitMinutes, windowShiftMinutes, type TimeContext } from '../time-window';
import { numberWord } from '../number-words';
import { zonedInstant } from '@/lib/shift-calendar';
import { localParts } from '@/lib/time-zone';

export type Window = { from: string; to: string };

const MINUTE_MS = 60_000;
const DAY_MS = 1440 * MINUTE_MS;

/** The tools whose calls carry a window a follow-up can move. */
export const WINDOWED_TOOLS = new Set(['tag_history', 'alarms', 'inspection_results', 'generate_shift_handover']);

const UNIT = String.raw`(m|mins?|minutes?|minuten?|h|hrs?|hours?|std|stunden?)`;
const COUNT = String.raw`(\d+(?:[.,]\d+)?|an?|one|two|three|four|six|eight|twelve|eine[nr]?|zwei|drei|vier|sechs|acht|zw(?:ö|oe)lf)`;

/** "and the hour before that", "und die 10 davor", "the 6h before that", "und davor?". */
const BEFORE = new RegExp(
  String.raw`^(?:(?:and|und|now|jetzt|ok|then|dann)[\s,]+)*(?:the\s+|die\s+|den\s+|das\s+)?(?:${COUNT}\s*)?${UNIT}?\s*(?:before(?: that| it| then)?|davor|vorher|earlier than that)\s*[?.!]*$`,
);
/** "the next hour", "und die Stunde danach", "and after that". */
const AFTER = new RegExp(
  String.raw`^(?:(?:and|und|now|jetzt|ok|then|dann)[\s,]+)*(?:(?:the\s+)?next\s+(?:${COUNT}\s*)?${UNIT}|(?:the\s+|die\s+|den\s+)?(?:${COUNT}\s*)?${UNIT}?\s*(?:after(?: that| it)|danach|nachher))\s*[?.!]*$`,
);
/** "and the night before?", "und das Wochenende davor", "the day before": the same kind of span, one back. */
const PERIOD_BEFORE =
  /^(?:(?:and|und|now|jetzt|ok|then|dann)[\s,]+)*(?:the\s+|die\s+|den\s+|das\s+|der\s+)?(night|nacht|day|tag|shift|schicht|weekend|wochenende|week|woche)\s+(?:before(?: that| it)?|davor|vorher)\s*[?.!]*$/;
/** "same time yesterday", "und gestern gleiche Zeit", "yesterday same window", "selbe Zeit letzte Woche", "same for yesterday". */
const SAME_TIME =
  /^(?=.*\b(?:yesterday|gestern|last week|letzte woche|vorige woche|vorgestern|day before yesterday)\b)(?:.*\b(?:same|gleiche\w*|selbe\w*|dasselbe|das gleiche)\s+(?:time|window|zeit|zeitraum|fenster|for|f(?:ü|ue)r)\b|.*\b(?:yesterday|gestern|last week|letzte woche|vorgestern)\s+(?:same|gleiche\w*|selbe\w*)\b)/;
/** "go back another 2 hours", "geh nochmal 2 Stunden weiter zurück". */
const BACK_MORE = new RegExp(
  String.raw`\b(?:go|geh\w*)\s+(?:back\s+)?(?:another|a further|nochmal|noch|weitere)\s+${COUNT}\s*${UNIT}\s*(?:weiter\s+)?(?:back|zur(?:ü|ue)ck)?`,
);
/** "extend it to midnight", "bis Mitternacht erweitern", "stretch it back to 6". */
const EXTEND_TO =
  /\b(?:extend|widen|stretch|erweiter\w*)\b[^.?!]*?\b(?:to|till|until|bis|auf)\s+(midnight|mitternacht|\d{1,2}(?::\d{2})?\s*(?:uhr|am|pm)?)\b|\bbis\s+(mitternacht|\d{1,2}(?::\d{2})?)\s*(?:uhr\s*)?(?:erweiter\w*|zur(?:ü|ue)ck)|\b(?:go |geh\w* )?(?:back|zur(?:ü|ue)ck)\s+(?:to|till|bis(?: zum| um)?)\s+(midnight|mitternacht|\d{1,2}(?::\d{2})?)\b/;
/** "make it 4 hours", "mach 4 draus", "last 90 instead", "widen that to 12h", "auf 24 std erweitern", "go back 3 hours instead". */
const NEW_LENGTH = new RegExp(
  String.raw`^(?:(?:ok|okay|dann|then|and|und|now|jetzt)[\s,]+)*(?:make it|make that|mach(?:\s+mal)?|widen (?:it|that) to|extend (?:it|that) to|auf|last|letzte[n]?|go back|geh)\s+(?:mal\s+)?${COUNT}\s*${UNIT}?\s*(?:draus|instead|stattdessen|erweitern|zur(?:ü|ue)ck|back|please|pls|bitte)?\s*(?:instead|stattdessen|draus)?\s*[.!]?$`,
);
/** "zoom in on 3 to 5 this morning", "zoom mal auf 2 bis 4 Uhr heut Nacht": a part of the window, said as clock times. */
const ZOOM = /^(?:(?:and|und|ok|now|jetzt|dann)[\s,]+)*zoom\w*\s+(?:(?:mal|in|rein|bitte)\s+)*(?:on|auf|to|into|in on)?\s*(.+)$/;
/** "cut it off at 22:00", "till 8 only", "aber nur bis 8", "nur bis 22 Uhr". */
const UNTIL =
  /^(?:(?:but|aber|and|und|ok)[\s,]+)*(?:(?:cut it off|stop)\s+at|(?:only\s+)?(?:till|until|up to)|(?:nur\s+)?bis)\s+(\d{1,2}(?::\d{2})?)\s*(?:uhr|h|am|pm|o'?clock)?\s*(?:only|nur)?\s*[.!?]*$/;

function count(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^(?:an?|one|eine[nr]?)$/.test(word)) return 1;
  const value = Number(word.replace(',', '.'));
  return Number.isFinite(value) ? value : numberWord(word);
}

/**
 * A count said without its unit is in the earlier window's: "the 15 before" after 15 minutes, "last 90 instead" after 45
 * minutes, "make it 2" after the last hour, "4" after 2 hours.
 */
function spanMinutes(said: string | undefined, unit: string | undefined, earlierMinutes: number): number {
  const n = count(said);
  const perUnit = unit === undefined ? undefined : unitMinutes(unit);
  if (n === undefined) return perUnit ?? earlierMinutes;
  if (perUnit !== undefined) return n * perUnit;
  return n === earlierMinutes || earlierMinutes % 60 !== 0 ? n : n * 60;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The window with its length, as the time rules give one. */
export function withMinutes(window: Window | undefined): (Window & { minutes: number }) | undefined {
  return window ? { ...window, minutes: Math.round((Date.parse(window.to) - Date.parse(window.from)) / MINUTE_MS) } : undefined;
}

/** The clock time on the plant day of `reference`, as an instant. */
function atClock(reference: number, clock: { hour: number; minute: number }, context: TimeContext): number {
  const day = localParts(reference, context.timeZone);
  return zonedInstant(day, `${clock.hour}:${clock.minute}`, context.timeZone).getTime();
}

/** Whether the message only moves the earlier read's window. */
export function movesWindow(lower: string): boolean {
  const t = foldInitialUmlauts(lower.trim());
  return (
    [BEFORE, AFTER, PERIOD_BEFORE, BACK_MORE, EXTEND_TO, NEW_LENGTH, UNTIL, ZOOM].some((pattern) => pattern.test(t)) ||
    (SAME_TIME.test(t) && t.split(/\s+/).length <= 8) ||
    (windowShiftMinutes(t) !== undefined && t.split(/\s+/).length <= 6)
  );
}

/** The earlier window moved as the follow-up says, or undefined when it says no such move. */
export function movedWindow(text: string, earlier: Window, context: TimeContext): Window | undefined {
  const t = foldInitialUmlauts(text.toLowerCase().trim());
  const from = Date.parse(earlier.from);
  const to = Date.parse(earlier.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return undefined;
  const now = context.now.getTime();
  const earlierMinutes = Math.round((to - from) / MINUTE_MS);
  const shifted = (ms: number) => ({ from: iso(from + ms), to: iso(Math.min(to + ms, now)) });

  const period = PERIOD_BEFORE.exec(t);
  if (period)
    return shifted(/^(?:weekend|wochenende|week|woche)$/.test(period[1]!) ? -7 * DAY_MS : /^(?:shift|schicht)$/.test(period[1]!) ? -(to - from) : -DAY_MS);
  const before = BEFORE.exec(t);
  if (before) {
    const minutes = spanMinutes(before[1], before[2], earlierMinutes);
    return { from: iso(from - minutes * MINUTE_MS), to: iso(from) };
  }
  const after = AFTER.exec(t);
  if (after) {
    const minutes = spanMinutes(after[1] ?? after[3], after[2] ?? after[4], earlierMinutes);
    if (to >= now) return undefined;
    return { from: iso(to), to: iso(Math.min(to + minutes * MINUTE_MS, now)) };
  }
  if (SAME_TIME.test(t)) {
    if (/\b(?:last week|letzte woche|vorige woche)\b/.test(t)) return shifted(-7 * DAY_MS);
    if (/\bvorgestern\b|\bday before yesterday\b/.test(t)) return shifted(-2 * DAY_MS);
    if (/\b(?:yesterday|gestern)\b/.test(t)) return shifted(-DAY_MS);
  }
  const backMore = BACK_MORE.exec(t);
  if (backMore) return { from: iso(from - spanMinutes(backMore[1], backMore[2], earlierMinutes) * MINUTE_MS), to: iso(to) };
  const extend = EXTEND_TO.exec(t);
  if (extend) {
    const said = extend[1] ?? extend[2] ?? extend[3]!;
    const clock = clockSaid(said);
    if (!clock) return undefined;
    let start = atClock(to, clock, context);
    if (start >= to) start -= DAY_MS;
    return start < from ? { from: iso(start), to: iso(to) } : undefined;
  }
  const length = NEW_LENGTH.exec(t);
  // A new length counts back from the earlier window's end, as "last N" did.
  if (length) return { from: iso(to - spanMinutes(length[1], length[2], earlierMinutes) * MINUTE_MS), to: iso(to) };
  const until = UNTIL.exec(t);
  if (until) {
    const clock = clockSaid(until[1]!);
    if (!clock) return undefined;
    let end = atClock(from, clock, context);
    if (end <= from) end += DAY_MS;
    return end < to ? { from: iso(from), to: iso(end) } : undefined;
  }
  const zoom = ZOOM.exec(t);
  if (zoom) {
    const part = parseTimeWindow(`from ${zoom[1]!}`, /\b(?:uhr|bis|heute?|nacht|fr(?:ü|ue)h)\b/.test(t) ? 'de' : 'en', context);
    return part ? { from: part.from, to: part.to } : undefined;
  }
  const shiftBy = windowShiftMinutes(t);
  if (shiftBy !== undefined) return shifted(shiftBy * MINUTE_MS);
  return undefined;
}
