/**
 * A follow-up that changes the topic but not the target: "how is line 2 doing" → "and its parts, anything
 * running low?", "Materiallage Linie 2" → "dann plan mal Nachschub dafür", "inspect 10 boards of PO-24118" →
 * "how did they come out?". The new read gets the line, machine, order, lot or part of the turn before when
 * the message points back at it and names none of its own. Only reads: a write's target is never guessed.
 */
import { mentionedLine, resolveAsset } from '../asset-resolver';
import { mentionedPart } from '../material-slots';
import type { Reading, Request } from './request';
import { orderId } from './slots';
import { wordCount } from './conversation';

type TargetKey = 'line' | 'asset' | 'order' | 'lot' | 'part' | 'supplier';

/** The target arguments each read takes, in the order the previous turn's target is tried. */
const TARGET_KEYS: Record<string, TargetKey[]> = {
  material_status: ['order', 'part', 'line'],
  plan_replenishment: ['line'],
  trigger_inspection: ['lot', 'line'],
  inspection_results: ['lot', 'line'],
  list_work_orders: ['asset'],
  production_status: ['line'],
  maintenance_forecast: ['asset', 'line'],
  supply_disruption_impact: ['supplier', 'part'],
  // "wie läuft der Reflow auf L2" → "hatte der Alarme in der letzten halben Stunde?": that machine's alarms.
  alarms: ['asset', 'line'],
  // "ETA on the orders of line 2?" → "and how's that line doing overall?": that line's overview.
  plant_overview: ['line'],
  // "is the compressor pressure ok" → "show me the trend for the last 2 hours": that machine's trend.
  tag_history: ['asset'],
};

/** Words that point back at what the previous turn was about ("the trend": of what was just read). */
const BACK_REFERENCE =
  /^(and|und|dann|then|ok|okay|so|also|na)\b|\bthe (?:trend|history|curve|chart|graph|plot)\b|\b(it|its|there|that|this|those|them|these|they|same|for (?:it|that|them)|dafür|dafuer|davon|dazu|dort|da|dran|daran|dem|den|der|das|es|ihn|diese\w*|current order|aktuellen auftrag|instead|statt ?dessen|stattdessen)\b/;

const WHOLE_PLANT =
  /\b(whole plant|all lines|both lines|every line|everything|plant-?wide|across the plant|alle linien|beide linien|beiden linien|ganze werk|gesamte werk|ganzen werk|werksweit|überall|ueberall)\b/;

/**
 * The previous turn's target, as words to read the request with ("Line2", "PO-24118", a part number), when
 * the request's read takes one, points back, and names none of its own.
 */
export function inheritedTargetWords(request: Request, reading: Reading): string | undefined {
  const keys = TARGET_KEYS[reading.intent ?? ''];
  const previous = request.input.previous;
  // "wie läuft Linie 1" → "welcher Fehler am meisten", "wann ist die nächste Wartung": a short question right after a
  // line or machine was talked about is about it, as in a conversation between people, unless it names its own.
  const shortQuestion =
    wordCount(request.text) <= 5 && !/\b(?:any|all|every|alle\w*|jede\w*|irgend\w*|overall|insgesamt|gesamt\w*|plant|werk\w*)\b/.test(request.lower);
  if (!keys || !previous || !(BACK_REFERENCE.test(request.lower) || shortQuestion) || WHOLE_PLANT.test(request.lower)) return undefined;
  // "wie läuft Linie 2?" → "und die andere?": not the line before, the other one (target.ts finds it).
  if (/\b(the other|other one|other line|die andere\w*|der anderen|den anderen|das andere)\b/.test(request.lower)) return undefined;
  const { text } = request;
  const named =
    resolveAsset(text, request.input.assets).kind !== 'none' ||
    mentionedLine(text) !== undefined ||
    orderId(text) !== undefined ||
    mentionedPart(text, request.input.parts ?? [], { numbersOnly: true }).kind !== 'none';
  if (named) return undefined;
  // "stock of 744043100" → "and the rj45 jacks from würth?": a part named by its words is the request's own.
  if (keys.includes('part') && mentionedPart(text, request.input.parts ?? []).kind === 'one') return undefined;
  const earlierText = request.input.previousText ?? '';
  const previousAsset = typeof previous.args.asset === 'string' ? request.input.assets.find((asset) => asset.id === previous.args.asset) : undefined;
  const line =
    (typeof previous.args.line === 'string' ? previous.args.line : undefined) ??
    (previousAsset?.type === 'line' ? previousAsset.id : previousAsset?.line) ??
    (mentionedLine(earlierText) ? `Line${mentionedLine(earlierText)}` : undefined);
  const order = [previous.args.order, previous.args.lot].find((value): value is string => typeof value === 'string') ?? orderId(earlierText);
  const heldPart = mentionedPart(earlierText, request.input.parts ?? []);
  const sources: Record<TargetKey, string | undefined> = {
    line,
    asset: previousAsset && previousAsset.type !== 'line' ? previousAsset.id : undefined,
    order,
    lot: order,
    part: typeof previous.args.part === 'string' ? previous.args.part : heldPart.kind === 'one' ? heldPart.part.partNumber : undefined,
    supplier: previous.tool === 'supply_disruption_impact' && typeof previous.args.supplier === 'string' ? previous.args.supplier : undefined,
  };
  const key = keys.find((candidate) => sources[candidate] !== undefined);
  return key ? sources[key] : undefined;
}
