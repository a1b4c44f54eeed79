/**
 * Line sequences → a plant schedule with times. The same decoder the solver uses (semi-active: each
 * order as early as its line, its setup, its material and the line's closed windows allow) evaluates
 * any sequence, so the solver's draft and the plant's current plan are measured by one yardstick.
 */
import { AppError } from '@/lib/errors';
import { compileProblem } from './compiled-problem';
import { computeHeads, createState } from './sequence-state';
import { isoAt, type PlantModel } from './plant-model';

/** Order ids per line id, in run order. */
export type LineSequences = Record<string, string[]>;

export type MachineSlot = { machineId: string; startAt: string; endAt: string };

export type ScheduledOrder = {
  orderId: string;
  productId: string;
  family: string;
  priority: 1 | 2 | 3;
  boards: number;
  startAt: string;
  endAt: string;
  dueAt: string;
  startMin: number;
  endMin: number;
  /** Changeover before this order on its line. */
  setupMin: number;
  tardinessMin: number;
  running: boolean;
  hypothetical: boolean;
  /** When each machine of the line works on the order: boards flow through, so the slots overlap. */
  machines: MachineSlot[];
};

export type ScheduledLine = {
  lineId: string;
  displayName: string;
  orders: ScheduledOrder[];
  closed: { startAt: string; endAt: string; kind: 'shift' | 'maintenance'; assetId?: string }[];
};

export type PlantSchedule = { planStart: string; lines: ScheduledLine[] };

/**
 * Places every open order on a line: orders listed in `sequences` keep their line and order, orders
 * missing from it are appended to the line where they finish soonest (the plant has not planned them
 * yet). Unknown or finished orders in `sequences` are ignored. A running order stays on its line.
 */
export function completeSequences(model: PlantModel, sequences: LineSequences): number[][] {
  const jobByOrder = new Map(model.jobs.map((job, j) => [job.order.id, j]));
  const perLine: number[][] = model.lines.map(() => []);
  const placed = new Set<number>();
  model.lines.forEach((line, l) => {
    for (const orderId of sequences[line.id] ?? []) {
      const j = jobByOrder.get(orderId);
      if (j === undefined || placed.has(j)) continue;
      if (!model.jobs[j]!.options.some((o) => o.lineIndex === l)) continue;
      perLine[l]!.push(j);
      placed.add(j);
    }
  });
  const loadMin = perLine.map((jobs, l) => jobs.reduce((sum, j) => sum + model.jobs[j]!.options.find((o) => o.lineIndex === l)!.durationMin, 0));
  model.jobs.forEach((job, j) => {
    if (placed.has(j)) return;
    const best = [...job.options].sort(
      (a, b) => loadMin[a.lineIndex]! + a.durationMin - (loadMin[b.lineIndex]! + b.durationMin) || a.lineIndex - b.lineIndex,
    )[0]!;
    // A running order is already on the line: it goes first.
    if (job.frozen) perLine[best.lineIndex]!.unshift(j);
    else perLine[best.lineIndex]!.push(j);
    loadMin[best.lineIndex]! += best.durationMin;
  });
  return perLine;
}

/** Job indices per line → order ids per line id. */
export function toLineSequences(model: PlantModel, perLine: readonly (readonly number[])[]): LineSequences {
  return Object.fromEntries(model.lines.map((line, l) => [line.id, (perLine[l] ?? []).map((j) => model.jobs[j]!.order.id)]));
}

/** Times for the given sequences under the model's constraints. */
export function evaluateSequences(model: PlantModel, sequences: LineSequences): { schedule: PlantSchedule; sequences: LineSequences } {
  const perLine = completeSequences(model, sequences);
  const iso = (minute: number) => isoAt(model.planStartMs, minute);
  const lines: ScheduledLine[] = model.lines.map((line, l) => ({
    lineId: line.id,
    displayName: line.displayName,
    orders: [],
    closed: model.windows[l]!.map((w) => ({
      startAt: iso(w.start),
      endAt: iso(w.end),
      kind: w.kind,
      ...(w.kind === 'maintenance' ? { assetId: w.assetId } : {}),
    })),
  }));
  if (!model.problem) return { schedule: { planStart: model.inputs.planStart, lines }, sequences: toLineSequences(model, perLine) };

  const cp = compileProblem(model.problem);
  const assign = new Int32Array(model.jobs.length);
  perLine.forEach((jobs, l) => jobs.forEach((j) => (assign[j] = l)));
  const state = createState(cp, { assign, sequences: perLine.map((jobs) => [...jobs]) });
  if (!computeHeads(state))
    throw new AppError('internal', 'A line sequence could not be timed (cyclic order). This is a bug; please report it with the plan inputs.');

  perLine.forEach((jobs, l) => {
    let previousFamily: number | undefined;
    for (const j of jobs) {
      const job = model.jobs[j]!;
      const option = job.options.find((o) => o.lineIndex === l)!;
      const startMin = state.head[j]!;
      const endMin = startMin + option.durationMin;
      const setupMin = previousFamily === undefined ? 0 : model.setupMatrix[previousFamily]![job.family]!;
      previousFamily = job.family;
      lines[l]!.orders.push({
        orderId: job.order.id,
        productId: job.product.id,
        family: job.product.family,
        priority: job.order.priority,
        boards: job.boards,
        startAt: iso(startMin),
        endAt: iso(endMin),
        dueAt: job.order.dueAt,
        startMin,
        endMin,
        setupMin,
        tardinessMin: Math.max(0, endMin - job.dueMin),
        running: job.order.status === 'running',
        hypothetical: job.order.hypothetical,
        machines: machineSlots(option.cycles, startMin, endMin).map((slot) => ({
          machineId: slot.machineId,
          startAt: iso(slot.startMin),
          endAt: iso(slot.endMin),
        })),
      });
    }
  });
  return { schedule: { planStart: model.inputs.planStart, lines }, sequences: toLineSequences(model, perLine) };
}

/** Machine k starts once the first board has passed the machines before it and ends when the last board leaves it. */
function machineSlots(cycles: readonly { machineId: string; cycleS: number }[], startMin: number, endMin: number) {
  const totalS = cycles.reduce((sum, c) => sum + c.cycleS, 0);
  let beforeS = 0;
  return cycles.map((c) => {
    const afterS = totalS - beforeS - c.cycleS;
    const slot = { machineId: c.machineId, startMin: startMin + beforeS / 60, endMin: endMin - afterS / 60 };
    beforeS += c.cycleS;
    return slot;
  });
}
