/** Plans for optical inspection: starting one on a line or lot, and reading its results. */
import { clarify, say } from '../replies';
import { numberWord } from '../../number-words';
import { orderId } from '../slots';
import type { Plan } from '../types';
import type { PlanContext } from './plan-context';

/** How many boards to inspect: "20 boards", "another 15 of those", "nochmal 10 davon" — not the 2 of "line 2 boards". */

function boardCount(text: string): number | undefined {
  const count =
    /(?<!\b(?:line|linie|ln|l)\s?)\b(\d{1,3})\s*(?:more\s+|weitere\s+|extra\s+)?(?:boards?|pcbs?|platin\w*|platten|leiterplatten|leiterkarten|karten|baugruppen|of (?:those|them|these)|davon|stück|stueck|stk)\b/i.exec(
      text,
    ) ?? /\b(?:another|other|next|nochmal|noch mal|noch|weitere|die nächsten|die naechsten|the next)\s+(\d{1,3})\b/i.exec(text);
  if (count) return Number(count[1]);
  // "acht Boards", "twenty boards": the count spelt out.
  const spelt = /(?<![\p{L}])([a-zäöüß]+)\s+(?:boards?|pcbs?|platin\w*|baugruppen|stück|stueck|stk)\b/iu.exec(text)?.[1];
  const value = spelt ? numberWord(spelt) : undefined;
  return value !== undefined && value > 1 ? value : undefined;
}

/** The first board's serial: "from board 41", "ab Board 41", "starting at 41". */
function firstSerial(text: string): number | undefined {
  const found =
    /\b(?:from|starting (?:at|from|with)|ab|beginnend (?:mit|bei))\s+(?:board|platine|platte|karte|baugruppe|serial(?: number| no\.?)?|seriennummer|seriennr\.?|sn|s\/n|nr\.?|nummer)?\s*#?B?0*(\d{1,5})\b/i.exec(
      text,
    );
  return found ? Number(found[1]) : undefined;
}

export function planTriggerInspection(plan: PlanContext): Plan {
  const { input, combined, language, followUp, machine, lineId, call } = plan;
  // "inspect another 15 of those" after results for a lot: the same lot.
  const previousLot = followUp && typeof input.previous?.args.lot === 'string' ? input.previous.args.lot : undefined;
  // A lot is an id with a digit in it ("lot L-2291", "Los 7A"), never the word after "lot" ("the current lot on line 2").
  const lotWord = /\b(?:lot|los)\s+([a-z0-9-]*\d[a-z0-9-]*)\b/i.exec(combined)?.[1];
  const lot = orderId(combined) ?? lotWord ?? previousLot;
  // "boards 41 to 60", "B0050 bis B0059" (serials as the labels print them): a span of serials.
  const span =
    /\b(?:boards?|pcbs?|platinen|baugruppen)\s+(\d{1,4})\s*(?:to|until|till|bis|-|–)\s*(\d{1,4})\b/i.exec(combined) ??
    /\bB0*(\d{1,5})\s*(?:to|bis|-|–|through|thru)\s*B0*(\d{1,5})\b/i.exec(combined);
  const previousBoards = followUp && typeof input.previous?.args.boards === 'number' ? input.previous.args.boards : undefined;
  const boards = span ? Number(span[2]) - Number(span[1]) + 1 : (boardCount(combined) ?? previousBoards);
  // "the next 10", "die nächsten zehn" after boards 1–10: the boards after the last ones inspected.
  const previousFirst = typeof input.previous?.args.firstSerial === 'number' ? input.previous.args.firstSerial : 1;
  const next =
    followUp && previousBoards !== undefined && /\b(?:next|n(?:ä|ae)chsten|following|folgenden)\b/i.test(combined) ? previousFirst + previousBoards : undefined;
  const first = span ? Number(span[1]) : (firstSerial(combined) ?? next);
  const args: Record<string, unknown> = {};
  if (lot) args.lot = lot;
  const inspectionLine = machine?.line ?? lineId;
  if (inspectionLine) args.line = inspectionLine;
  if (boards !== undefined && Number.isInteger(boards) && boards > 0) args.boards = boards;
  if (first !== undefined && first > 0) args.firstSerial = first;
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
  const { input, combined, machine, lineId, window, previousWindow, call } = plan;
  const lot =
    orderId(combined) ?? (input.previous?.tool === 'trigger_inspection' && typeof input.previous.args.lot === 'string' ? input.previous.args.lot : undefined);
  const args: Record<string, unknown> = {};
  if (lot) args.lot = lot;
  const inspectionLine = machine?.line ?? lineId;
  if (inspectionLine) args.line = inspectionLine;
  // The AOI machine itself, when named, for models and readers that filter by machine.
  if (machine) args.asset = machine.id;
  // "AOI Ergebnisse Linie 1 seit Schichtbeginn" → "welche Fehler am häufigsten?", "und auf Linie 2?": the same window.
  const span = window ?? previousWindow;
  if (span) {
    args.from = span.from;
    args.to = span.to;
  }
  return call(args);
}
