/** Plans for documents: searching the manuals and writing the shift handover. */
import { linesNamed } from '../../asset-resolver';
import { wordCount } from '../conversation';
import { lastCompletedShift, shiftAt } from '@/lib/shift-calendar';
import { shiftCalendarOf, shiftNamed, type TimeContext } from '../../time-window';
import type { Plan } from '../types';
import { onlyNamesTarget } from '../conversation';
import type { PlanContext } from './plan-context';

export function planSearchManuals(plan: PlanContext): Plan {
  const { text, combined, machine, call, followUp, input } = plan;
  // A follow-up ("why?" after a stop) searches for what the conversation pointed at, not the two words typed.
  if (followUp && combined !== text) return call({ query: combined.replace(text, '').trim() || combined, k: 5 });
  // "is the nitrogen in the L2 oven within spec?" → "and on line 1?": the same question, for the machine now named.
  const previousQuery = input.previous?.tool === 'search_manuals' ? input.previous.args.query : undefined;
  if (typeof previousQuery === 'string' && machine && onlyNamesTarget(text, input.assets)) {
    const line = machine.line?.replace(/\D/g, '');
    const query = line ? previousQuery.replace(/\b(L|line |linie )\d\b/gi, (_, word: string) => `${word}${line}`) : previousQuery;
    return call({ query, asset: machine.id, k: 5 });
  }
  const query = text.replace(/^(please\s+)?((can|could) you\s+)?(look up|search|find|check)\s+(in\s+)?(the\s+)?(manuals?\s+)?(for\s+)?/i, '').trim();
  return call(machine ? { query: query.length >= 2 ? query : combined, asset: machine.id, k: 5 } : { query: query.length >= 2 ? query : combined, k: 5 });
}

export function planGenerateShiftHandover(plan: PlanContext): Plan {
  const { lower, lineId, window, timeContext, call } = plan;
  const current =
    /\b(current|this shift|my shift|so far|running|ongoing|aktuelle\w*|laufende\w*|bis jetzt|bisher|diese schicht|meine\w* schicht|seit schichtbeginn|ich geh\w*|i'?m leaving|i leave|i'?m off|before i go)\b/.test(
      lower,
    );
  const previous = /\b(last|previous|prior|letzte\w*|vorige\w*|vorherige\w*|nights?|nacht\w*)\b/.test(lower);
  // The report covers the plant; the line asked about is passed along for the answer's headline.
  // "wer war schneller gestern, Linie 1 oder 2?": both lines named, so the report of both.
  const line = lineId && linesNamed(plan.text).size < 2 ? { line: lineId } : {};
  // "handover for the night shift" → "and the one before that?": the window before the one just reported.
  const earlier = plan.followUp && BEFORE_THAT.test(lower) ? windowBefore(plan.input.previous?.args, timeContext) : undefined;
  if (earlier) return call({ ...earlier, ...line });
  // "die Übergabe für die Frühschicht" → "nur Linie 2": the same report, for the line now named.
  const previousArgs = plan.input.previous?.tool === 'generate_shift_handover' ? plan.input.previous.args : undefined;
  // "ich brauch die OEE von gestern" → "was waren die größten Stillstände": the window just reported, too.
  if (previousArgs && (plan.followUp || wordCount(plan.text) <= 6) && !current && !previous && !window) {
    const { line: _line, ...sameWindow } = previousArgs;
    return call({ ...sameWindow, ...line });
  }
  // "Was war letzte Nacht los?" at 03:40: the night is still running, so it is the current shift so far.
  const duringTheNight =
    /\b(night|nacht)\b/.test(lower) && !/\b(previous|vorige\w*|vorherige\w*|yesterday|gestern|vorgestern|before|davor)\b/.test(lower) && nightNow(timeContext);
  // "handover for the late shift yesterday" names a shift that was, not the one the current report goes to.
  const pastDay = /\b(yesterday'?s?|gestern\w*|vorgestern|day before)\b/.test(lower);
  if (current || duringTheNight || (forTheNextShift(lower, timeContext) && !pastDay)) return call({ shift: 'current', ...line });
  // "OEE letzte Woche": the week, not the last shift its "letzte" names.
  // "the last 12 hours", "die letzten 24 Std", "Monday night", "Freitag Spätschicht": a span or a weekday's shift, not the
  // shift just before this one.
  const longWindow =
    window &&
    /\b(week|woche|days|tage\w*|hours?|hrs?|std|stunden?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag\w*|dienstag\w*|mittwoch\w*|donnerstag\w*|freitag\w*|samstag\w*|sonntag\w*)\b|\d\s*h\b/.test(
      lower,
    );
  // ("Schichtbericht von vorgestern Nacht", "the shift before last": a window wholly before the last shift is that one.)
  const beforeTheLastShift = window !== undefined && Date.parse(window.to) <= lastCompletedShift(shiftCalendarOf(timeContext), timeContext.now).from.getTime();
  if (previous && !longWindow && !beforeTheLastShift) return call({ shift: 'previous', ...line });
  const span = window;
  if (span) return call({ from: span.from, to: span.to, ...line });
  // "doing handover to the lates now" at 14:10: a handover asked for just after a change of shift is the shift that ended.
  if (minutesIntoShift(timeContext) < HANDOVER_GRACE_MINUTES) return call({ shift: 'previous', ...line });
  // "wrapping up soon and my handover notes are empty" at 13:40, "mach mir die Übergabe fertig, bin gleich weg" at 21:40:
  // near the end of a shift, the handover being written is this shift's.
  if (minutesLeftInShift(timeContext) <= HANDOVER_WRITING_MINUTES) return call({ shift: 'current', ...line });
  return call(line);
}

const BEFORE_THAT = /\b(before (that|it|this)|the one before|one earlier|earlier one|shift before|davor|die davor|der davor|die schicht davor|vorher)\b/;

/** The window just before the report the previous turn asked for: the shift before, or a window as long, ending where it began. */
function windowBefore(args: Record<string, unknown> | undefined, context: TimeContext): { from: string; to: string } | undefined {
  if (!args) return undefined;
  const calendar = shiftCalendarOf(context);
  const shiftBefore = (instant: Date) => shiftAt(calendar, new Date(instant.getTime() - 1));
  if (typeof args.from === 'string' && typeof args.to === 'string') {
    const from = Date.parse(args.from);
    const to = Date.parse(args.to);
    if (!(to > from)) return undefined;
    return { from: new Date(from - (to - from)).toISOString(), to: new Date(from).toISOString() };
  }
  const current = shiftAt(calendar, context.now);
  // The report before "previous" (or a plain handover, which is the previous shift) is the shift before that one.
  const reported = args.shift === 'current' ? current : shiftBefore(current.from);
  const before = shiftBefore(reported.from);
  return { from: before.from.toISOString(), to: before.to.toISOString() };
}

/**
 * "write up my handover for the lates" at 13:45, "Übergabe für die Nachtschicht" at 21:45: a handover *for* the shift
 * that comes next is the report of the shift now running, handed to it.
 */
function forTheNextShift(lower: string, context: TimeContext): boolean {
  const named =
    /\b(?:for|to|f(?:ü|ue)r|an)\s+(?:the\s+|die\s+|den\s+)?((?:early|earlies|morning|late|lates|afternoon|night|nights)(?:\s+shift)?|(?:fr(?:ü|ue)h|sp(?:ä|ae)t|nacht)(?:schicht)?(?:ler)?)\b/.exec(
      lower,
    )?.[1];
  if (!named) return false;
  const shift = shiftNamed(named);
  const calendar = shiftCalendarOf(context);
  const now = shiftAt(calendar, context.now);
  const next = shiftAt(calendar, new Date(now.to.getTime() + 60_000));
  return shift !== undefined && next.name === shift;
}

/** Whether the shift running now is the night shift, by its name. */
function nightNow(context: TimeContext): boolean {
  const calendar = shiftCalendarOf(context);
  return /night|nacht/i.test(shiftAt(calendar, context.now).name);
}

/** How long after a change of shift a plain "handover" still means the shift that just ended. */
const HANDOVER_GRACE_MINUTES = 60;

/** How close to the end of a shift a plain "handover" means the report of the shift now ending. */
const HANDOVER_WRITING_MINUTES = 45;

function minutesLeftInShift(context: TimeContext): number {
  const calendar = shiftCalendarOf(context);
  return (shiftAt(calendar, context.now).to.getTime() - context.now.getTime()) / 60_000;
}

function minutesIntoShift(context: TimeContext): number {
  const calendar = shiftCalendarOf(context);
  return (context.now.getTime() - shiftAt(calendar, context.now).from.getTime()) / 60_000;
}
