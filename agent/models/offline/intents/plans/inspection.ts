/** Plans for optical inspection: starting one on a line or lot, and reading its results. */
import { clarify, say } from '../replies';
import { orderId } from '../slots';
import type { Plan } from '../types';
import type { PlanContext } from './plan-context';

export function planTriggerInspection(plan: PlanContext): Plan {
  const { input, combined, language, followUp, machine, lineId, call } = plan;
  const lot = orderId(combined) ?? /\blot\s+(\w+)/i.exec(combined)?.[1] ?? /\blos\s+(\w+)/i.exec(combined)?.[1];
  const span = /\b(?:boards?|pcbs?|platinen|baugruppen)\s+(\d{1,4})\s*(?:to|bis|-|–)\s*(\d{1,4})\b/i.exec(combined);
  const previousBoards = followUp && typeof input.previous?.args.boards === 'number' ? input.previous.args.boards : undefined;
  const boards = span
    ? Number(span[2]) - Number(span[1]) + 1
    : Number(/\b(\d{1,3})\s*(boards?|pcbs?|platinen|baugruppen|boards)\b/i.exec(combined)?.[1] ?? previousBoards);
  const args: Record<string, unknown> = {};
  if (lot) args.lot = lot;
  const inspectionLine = machine?.line ?? lineId;
  if (inspectionLine) args.line = inspectionLine;
  if (Number.isInteger(boards) && boards > 0) args.boards = boards;
  if (span) args.firstSerial = Number(span[1]);
  if (!args.lot && !args.line)
    return clarify(
      say(
        language,
        'Which line or lot should I inspect? Say e.g. “run an inspection on line 1” or “inspect lot PO-24117”.',
        'Welche Linie oder welches Los soll ich prüfen? Z. B. „Inspektion auf Linie 1 starten“.',
      ),
    );
  return call(args);
}

export function planInspectionResults(plan: PlanContext): Plan {
  const { input, combined, machine, lineId, window, call } = plan;
  const lot =
    orderId(combined) ?? (input.previous?.tool === 'trigger_inspection' && typeof input.previous.args.lot === 'string' ? input.previous.args.lot : undefined);
  const args: Record<string, unknown> = {};
  if (lot) args.lot = lot;
  const inspectionLine = machine?.line ?? lineId;
  if (inspectionLine) args.line = inspectionLine;
  // The AOI machine itself, when named, for models and readers that filter by machine.
  if (machine) args.asset = machine.id;
  if (window) {
    args.from = window.from;
    args.to = window.to;
  }
  return call(args);
}
