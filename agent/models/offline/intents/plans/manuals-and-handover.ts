/** Plans for documents: searching the manuals and writing the shift handover. */
import { DEFAULT_SHIFT_CALENDAR, shiftAt } from '@/lib/shift-calendar';
import type { TimeContext } from '../../time-window';
import type { Plan } from '../types';
import type { PlanContext } from './plan-context';

export function planSearchManuals(plan: PlanContext): Plan {
  const { text, combined, machine, call } = plan;
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
  const line = lineId ? { line: lineId } : {};
  if (current) return call({ shift: 'current', ...line });
  if (previous) return call({ shift: 'previous', ...line });
  const span = window;
  if (span) return call({ from: span.from, to: span.to, ...line });
  // "doing handover to the lates now" at 14:10: a handover asked for just after a change of shift is the shift that ended.
  if (minutesIntoShift(timeContext) < HANDOVER_GRACE_MINUTES) return call({ shift: 'previous', ...line });
  return call(line);
}

/** How long after a change of shift a plain "handover" still means the shift that just ended. */
const HANDOVER_GRACE_MINUTES = 60;

function minutesIntoShift(context: TimeContext): number {
  const calendar = context.shifts ?? { ...DEFAULT_SHIFT_CALENDAR, timeZone: context.timeZone };
  return (context.now.getTime() - shiftAt(calendar, context.now).from.getTime()) / 60_000;
}
