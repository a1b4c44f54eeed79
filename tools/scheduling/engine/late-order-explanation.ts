/**
 * Why an order finishes late in a plan, and what would bring it in on time. The causes are read off
 * the timed schedule (the line's takt, orders ahead of it, material, closed windows); each remedy is a
 * counterfactual evaluated with the same model, so "on time if run first" is computed, not guessed.
 */
import { formatPlantTime } from '@/lib/plant-time';
import { AppError } from '@/lib/errors';
import type { PlanInputs } from './plant-data';
import { buildPlantModel, isoAt, type PlantModel } from './plant-model';
import { evaluatePlan, type EvaluatedPlan } from './plan';
import type { LineSequences, ScheduledOrder } from './plant-schedule';
import { applyScenario } from './scenarios';

export type LateCause = { kind: 'bottleneck' | 'capacity' | 'queue' | 'material' | 'maintenance' | 'shift' | 'setup'; text: string };

export type Remedy = {
  action: string;
  /** When the order would finish with this change. */
  endAt: string;
  onTime: boolean;
  /** Change in the other orders' total tardiness, minutes (positive: they get later). */
  othersTardinessDeltaMin: number;
};

export type LateOrderExplanation = {
  orderId: string;
  lineId: string;
  startAt: string;
  endAt: string;
  dueAt: string;
  tardinessMin: number;
  late: boolean;
  summary: string;
  causes: LateCause[];
  remedies: Remedy[];
};

const fmtMin = (minutes: number) => (minutes >= 90 ? `${Math.round(minutes / 6) / 10} h` : `${Math.round(minutes)} min`);

function find(plan: EvaluatedPlan, orderId: string): { order: ScheduledOrder; lineIndex: number; position: number } | undefined {
  for (const [lineIndex, line] of plan.schedule.lines.entries()) {
    const position = line.orders.findIndex((o) => o.orderId === orderId);
    if (position >= 0) return { order: line.orders[position]!, lineIndex, position };
  }
  return undefined;
}

function othersTardiness(plan: EvaluatedPlan, orderId: string): number {
  return plan.schedule.lines.flatMap((l) => l.orders).reduce((sum, o) => sum + (o.orderId === orderId ? 0 : o.tardinessMin), 0);
}

function remedyFrom(model: PlantModel, sequences: LineSequences, orderId: string, baseOthers: number, action: string): Remedy | undefined {
  const plan = evaluatePlan(model, sequences);
  const found = find(plan, orderId);
  if (!found) return undefined;
  return { action, endAt: found.order.endAt, onTime: found.order.tardinessMin === 0, othersTardinessDeltaMin: othersTardiness(plan, orderId) - baseOthers };
}

export function explainLateOrder(model: PlantModel, plan: EvaluatedPlan, orderId: string): LateOrderExplanation {
  const found = find(plan, orderId);
  if (!found) {
    const known = plan.schedule.lines.flatMap((l) => l.orders.map((o) => o.orderId));
    throw new AppError('not_found', `Order ${orderId} is not in this plan (complete or unknown). Planned orders: ${known.join(', ') || 'none'}.`);
  }
  const { order, lineIndex, position } = found;
  const line = model.lines[lineIndex]!;
  const job = model.jobs.find((j) => j.order.id === orderId)!;
  const option = job.options.find((o) => o.lineIndex === lineIndex)!;
  const lineOrders = plan.schedule.lines[lineIndex]!.orders;
  const previous = lineOrders[position - 1];
  // Sentences people read give plant time; the fields (startAt, endAt, dueAt) stay ISO 8601 for machines.
  const timeZone = model.inputs.calendar?.timeZone ?? 'Europe/Berlin';
  const at = (isoTime: string) => formatPlantTime(isoTime, timeZone, 'datetime');
  const iso = (minute: number) => at(isoAt(model.planStartMs, minute));
  const causes: LateCause[] = [];
  const delayingAssets = new Set<string>();

  causes.push({
    kind: 'bottleneck',
    text: `On ${line.id}, ${option.bottleneckMachineIds.join(' and ')} (${option.taktS.toFixed(0)} s per board) set the takt: ${job.boards} boards of ${job.product.id} occupy the line for ${fmtMin(option.durationMin)}.`,
  });
  const fastest = Math.min(...job.options.map((o) => o.durationMin));
  if (job.releaseMin + fastest > job.dueMin) {
    causes.push({
      kind: 'capacity',
      text: `Even started ${job.releaseMin > 0 ? 'as soon as its material arrives' : 'now'} on the fastest line it would finish at ${iso(job.releaseMin + fastest)}, after its due time ${at(order.dueAt)}.`,
    });
  }
  if (previous) {
    const ahead = lineOrders.slice(0, position);
    causes.push({
      kind: 'queue',
      text: `${ahead.length} order(s) run before it on ${line.id} (${ahead.map((o) => o.orderId).join(', ')}); the last of them ends at ${at(previous.endAt)}.`,
    });
  }
  if (order.setupMin > 0) causes.push({ kind: 'setup', text: `A ${order.setupMin} min changeover from ${previous?.family} to ${order.family} precedes it.` });
  const readyMin = Math.max(job.releaseMin, previous ? previous.endMin + order.setupMin : 0);
  if (job.releaseMin > 0 && job.releaseMin >= (previous ? previous.endMin + order.setupMin : 0)) {
    causes.push({ kind: 'material', text: `Its material arrives only at ${iso(job.releaseMin)}, so it cannot start earlier.` });
  }
  for (const w of model.windows[lineIndex]!) {
    if (w.end <= readyMin || w.start >= order.startMin) continue;
    if (w.kind === 'maintenance') {
      delayingAssets.add(w.assetId);
      causes.push({
        kind: 'maintenance',
        text: `${w.assetId} is down for maintenance from ${iso(w.start)} to ${iso(w.end)}${w.reason ? ` (${w.reason})` : ''}, which stops ${line.id}.`,
      });
    } else {
      causes.push({
        kind: 'shift',
        text: `${line.id} is not staffed from ${iso(w.start)} to ${iso(w.end)}, and the order does not fit into the shift before.`,
      });
    }
  }

  const remedies: Remedy[] = [];
  const baseOthers = othersTardiness(plan, orderId);
  for (const candidate of job.options) {
    const target = model.lines[candidate.lineIndex]!.id;
    // A running order stays first on its line; "first" means right after it.
    const sequences: LineSequences = Object.fromEntries(Object.entries(plan.sequences).map(([id, ids]) => [id, ids.filter((x) => x !== orderId)]));
    const running = (sequences[target] ?? []).filter((id) => model.jobs.find((j) => j.order.id === id)?.frozen);
    sequences[target] = [...running, orderId, ...(sequences[target] ?? []).filter((id) => !running.includes(id))];
    const remedy = remedyFrom(model, sequences, orderId, baseOthers, `Run it next on ${target}`);
    if (remedy && !(candidate.lineIndex === lineIndex && position <= running.length)) remedies.push(remedy);
  }
  const withInputs = (inputs: PlanInputs, action: string) => remedyFrom(buildPlantModel(inputs), plan.sequences, orderId, baseOthers, action);
  if (causes.some((c) => c.kind === 'material')) {
    const remedy = withInputs(
      { ...model.inputs, materialArrivals: model.inputs.materialArrivals.filter((a) => a.orderId !== orderId) },
      'Expedite its material so it is on hand now',
    );
    if (remedy) remedies.push(remedy);
  }
  for (const assetId of delayingAssets) {
    const remedy = withInputs(
      { ...model.inputs, maintenance: model.inputs.maintenance.filter((m) => m.assetId !== assetId) },
      `Postpone the maintenance of ${assetId} until after this order`,
    );
    if (remedy) remedies.push(remedy);
  }
  if (causes.some((c) => c.kind === 'shift')) {
    const remedy = withInputs(applyScenario(model.inputs, { type: 'extra_shift', line: line.id }), `Add an extra shift on ${line.id}`);
    if (remedy) remedies.push(remedy);
  }

  const late = order.tardinessMin > 0;
  const summary = late
    ? `${orderId} finishes at ${at(order.endAt)}, ${fmtMin(order.tardinessMin)} after its due time ${at(order.dueAt)}.${remedies.some((r) => r.onTime) ? ' It can be on time: see the remedies marked on time.' : ' None of the single changes below brings it in on time.'}`
    : `${orderId} is on time: it finishes at ${at(order.endAt)}, ${fmtMin(job.dueMin - order.endMin)} before its due time ${at(order.dueAt)}.`;
  return {
    orderId,
    lineId: line.id,
    startAt: order.startAt,
    endAt: order.endAt,
    dueAt: order.dueAt,
    tardinessMin: order.tardinessMin,
    late,
    summary,
    causes,
    remedies,
  };
}
