/** Plans for documents: searching the manuals and writing the shift handover. */
import type { Plan } from '../types';
import type { PlanContext } from './plan-context';

export function planSearchManuals(plan: PlanContext): Plan {
  const { text, combined, machine, call } = plan;
  const query = text.replace(/^(please\s+)?((can|could) you\s+)?(look up|search|find|check)\s+(in\s+)?(the\s+)?(manuals?\s+)?(for\s+)?/i, '').trim();
  return call(machine ? { query: query.length >= 2 ? query : combined, asset: machine.id, k: 5 } : { query: query.length >= 2 ? query : combined, k: 5 });
}

export function planGenerateShiftHandover(plan: PlanContext): Plan {
  const { lower, lineId, window, call } = plan;
  const current =
    /\b(current|this shift|my shift|so far|running|ongoing|aktuelle\w*|laufende\w*|bis jetzt|bisher|diese schicht|meine\w* schicht|seit schichtbeginn|ich geh\w*|i'?m leaving|i leave|i'?m off|before i go)\b/.test(
      lower,
    );
  const previous = /\b(last|previous|prior|letzte\w*|vorige\w*|vorherige\w*|night|nacht\w*)\b/.test(lower);
  // The report covers the plant; the line asked about is passed along for the answer's headline.
  const line = lineId ? { line: lineId } : {};
  if (current) return call({ shift: 'current', ...line });
  if (previous) return call({ shift: 'previous', ...line });
  const span = window;
  return call(span ? { from: span.from, to: span.to, ...line } : line);
}
