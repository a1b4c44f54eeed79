/**
 * "What's late today?", "ist was im Verzug?": which orders finish after their due date in the plan the
 * lines run now, first — the schedule proposal that answers it compares its draft with that plan, and
 * the draft's own late orders come second. Nothing is recomputed: the numbers are the scheduler's.
 */
import { type PlantAnswerOptions, type Row, isRecord, rows, say, str } from './answer-format';

/** A question about what is late, not about a plan to be made. */
const ASKS_WHAT_IS_LATE =
  /\b(late|behind|overdue|delayed|at risk|versp(?:ä|ae)tet\w*|im verzug|in verzug|zu sp(?:ä|ae)t|sp(?:ä|ae)t dran|hinterher|(?:ü|ue)berf(?:ä|ae)llig\w*|gef(?:ä|ae)hrdet)\b/i;

/** "Im aktuellen Plan": the baseline's name in a German sentence. */
function germanPlan(comparedWith: string): string {
  return comparedWith === 'current plan' ? 'Im aktuellen Plan' : `Im Vergleich (${comparedWith})`;
}

export function lateOrdersAnswer(tool: string, output: unknown, question: string, options: PlantAnswerOptions): string[] {
  if (tool !== 'propose_schedule' || !isRecord(output) || !ASKS_WHAT_IS_LATE.test(question)) return [];
  const before = isRecord(output.comparedKpis) ? output.comparedKpis : undefined;
  if (!before || !Array.isArray(before.lateOrderIds)) return [];
  const comparedWith = str(output.comparedWith) ?? 'current plan';
  const lateNow = before.lateOrderIds.filter((id): id is string => typeof id === 'string');
  const draftLate = rows(output.lines)
    .flatMap((line) => rows(line.orders))
    .filter((order: Row) => typeof order.tardinessMin === 'number' && order.tardinessMin > 0)
    .map((order) => String(order.orderId));
  const inPlan =
    lateNow.length === 0
      ? say(options, `No order finishes late in the ${comparedWith}.`, `${germanPlan(comparedWith)} ist kein Auftrag zu spät.`)
      : say(
          options,
          `In the ${comparedWith}, ${lateNow.length === 1 ? '1 order finishes after its' : `${lateNow.length} orders finish after their`} due date: ${lateNow.join(', ')}.`,
          `${germanPlan(comparedWith)} ${lateNow.length === 1 ? 'ist 1 Auftrag nach seinem' : `sind ${lateNow.length} Aufträge nach ihrem`} Termin fertig: ${lateNow.join(', ')}.`,
        );
  const withDraft =
    lateNow.length === 0
      ? ''
      : draftLate.length === 0
        ? say(options, ' The proposed schedule below gets every order out on time.', ' Der Planvorschlag unten liefert alle Aufträge pünktlich.')
        : say(
            options,
            ` With the proposed schedule below: ${draftLate.join(', ')} still late.`,
            ` Mit dem Planvorschlag unten: ${draftLate.join(', ')} weiter zu spät.`,
          );
  return [`**${inPlan}**${withDraft}`];
}
