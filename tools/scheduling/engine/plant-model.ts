/**
 * Translates the plant into a solver Problem in minutes.
 *
 * An SMT line is a flow line with buffers of a few boards: all its machines work on the same order at
 * once, so an order occupies the whole line for `fill + (boards − 1) × takt`, where the takt is the
 * slowest machine's cycle. Modelling each machine as its own finish-to-start operation would add up the
 * stages instead of overlapping them and overstate every order several times. So each line is one
 * solver machine, each order one operation whose alternatives are the lines (the solver chooses the
 * line), with per-line durations from the routing and the machines' current speeds. A machine's
 * maintenance stops its line; a shared utility's stops every line; closed shifts close the line.
 * Running orders are frozen on their line. Machine-level occupancy and utilisation are derived from the
 * line schedule afterwards (plant-schedule.ts).
 */
import { AppError } from '@/lib/errors';
import { parseProblem, type Problem, type ProblemInput } from './model';
import { type PlanInputs, type PlantLine, type PlantOrder, type PlantProduct, PlanInputs as PlanInputsSchema } from './plant-data';
import { closedWindows, type MinuteWindow } from './working-windows';

const MINUTE_MS = 60_000;

/** Priority 1 (most urgent) weighs three times priority 3 in the tardiness objective. */
export const PRIORITY_WEIGHT: Record<1 | 2 | 3, number> = { 1: 3, 2: 2, 3: 1 };

export type LineOption = {
  lineIndex: number;
  durationMin: number;
  /** Machine(s) with the longest cycle for this product on this line: they set the takt. */
  bottleneckMachineIds: string[];
  taktS: number;
  /** Cycle per board of each machine the product visits, in flow order. */
  cycles: { machineId: string; cycleS: number }[];
};

export type ModelJob = {
  order: PlantOrder;
  product: PlantProduct;
  family: number;
  boards: number;
  options: LineOption[];
  releaseMin: number;
  dueMin: number;
  weight: number;
  /** Running orders keep their line and start. */
  frozen?: { lineIndex: number; startMin: number };
};

export type WindowReason = { kind: 'shift' } | { kind: 'maintenance'; assetId: string; reason?: string };
export type LineWindow = MinuteWindow & WindowReason;

export type PlantModel = {
  inputs: PlanInputs;
  planStartMs: number;
  lines: PlantLine[];
  families: string[];
  setupMatrix: number[][];
  jobs: ModelJob[];
  windows: LineWindow[][];
  /** The solver problem; null when there are no open orders. Job j is jobs[j], machine l is lines[l]. */
  problem: Problem | null;
};

export function minutesFrom(planStartMs: number, iso: string): number {
  return (Date.parse(iso) - planStartMs) / MINUTE_MS;
}

export function isoAt(planStartMs: number, minute: number): string {
  return new Date(planStartMs + minute * MINUTE_MS).toISOString();
}

function lineOption(line: PlantLine, lineIndex: number, product: PlantProduct, boards: number): LineOption | undefined {
  const cycles: { id: string; cycleS: number }[] = [];
  for (const machine of line.machines) {
    const step = product.routing.find((s) => s.machineType === machine.type);
    // A machine type the product does not visit is passed through on the conveyor.
    if (step) cycles.push({ id: machine.id, cycleS: step.cycleTimeS / (machine.speedPct / 100) });
  }
  const covered = new Set(line.machines.map((m) => m.type));
  if (cycles.length === 0 || product.routing.some((s) => !covered.has(s.machineType))) return undefined;
  const taktS = Math.max(...cycles.map((c) => c.cycleS));
  const fillS = cycles.reduce((sum, c) => sum + c.cycleS, 0);
  return {
    lineIndex,
    durationMin: Math.ceil((fillS + (boards - 1) * taktS) / 60),
    bottleneckMachineIds: cycles.filter((c) => c.cycleS === taktS).map((c) => c.id),
    taktS,
    cycles: cycles.map((c) => ({ machineId: c.id, cycleS: c.cycleS })),
  };
}

/** Earliest start ≥ 0 at which [t, t + duration) touches no window (the solver's own rule). */
export function fitStart(windows: readonly MinuteWindow[], readyMin: number, durationMin: number): number {
  let t = readyMin;
  for (const w of [...windows].sort((a, b) => a.start - b.start)) {
    if (w.end <= t) continue;
    if (w.start >= t + durationMin) break;
    t = w.end;
  }
  return t;
}

function setupMatrix(inputs: PlanInputs, families: string[]): number[][] {
  const { defaultMin, pairs } = inputs.layout.setupTimes;
  return families.map((from) => families.map((to) => pairs.find((p) => p.from === from && p.to === to)?.setupMin ?? (from === to ? 0 : defaultMin)));
}

function lineWindows(inputs: PlanInputs, line: PlantLine, planStartMs: number): LineWindow[] {
  const windows: LineWindow[] = closedWindows(inputs.calendar, line.id, planStartMs, inputs.horizonDays).map((w) => ({ ...w, kind: 'shift' as const }));
  const own = new Set(line.machines.map((m) => m.id));
  for (const stop of inputs.maintenance) {
    if (!own.has(stop.assetId) && !inputs.layout.sharedAssetIds.includes(stop.assetId)) continue;
    const start = Math.max(0, Math.floor(minutesFrom(planStartMs, stop.from)));
    const end = Math.ceil(minutesFrom(planStartMs, stop.to));
    if (end > start) windows.push({ start, end, kind: 'maintenance', assetId: stop.assetId, ...(stop.reason ? { reason: stop.reason } : {}) });
  }
  return windows.sort((a, b) => a.start - b.start);
}

/** Boards still to start for an order: what remains, grossed up for the product's expected scrap. */
export function boardsToMake(order: PlantOrder, product: PlantProduct): number {
  const remaining = Math.max(0, order.quantity - order.goodCount);
  return remaining === 0 ? 0 : Math.ceil(remaining / (1 - product.scrapRate));
}

/**
 * The plant model for one plan: open orders only (complete ones and those with nothing left are
 * dropped). Throws AppError('invalid_argument') for an order whose product is unknown or cannot be made
 * on any line — the data must be fixed before anything can be planned.
 */
export function buildPlantModel(inputsInput: PlanInputs | unknown): PlantModel {
  const parsed = PlanInputsSchema.safeParse(inputsInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_argument', `The plan inputs are malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`, {
      cause: parsed.error,
    });
  }
  const inputs = parsed.data;
  const planStartMs = Date.parse(inputs.planStart);
  const { lines, products } = inputs.layout;
  const families = [...new Set(products.map((p) => p.family))].sort();
  const windows = lines.map((line) => lineWindows(inputs, line, planStartMs));
  const arrivals = new Map(inputs.materialArrivals.map((a) => [a.orderId, a]));

  const jobs: ModelJob[] = [];
  for (const order of inputs.orders) {
    if (order.status === 'complete') continue;
    const product = products.find((p) => p.id === order.productId);
    if (!product)
      throw new AppError(
        'invalid_argument',
        `Order ${order.id} is for product ${order.productId}, which has no routing. Known products: ${products.map((p) => p.id).join(', ')}.`,
      );
    const boards = boardsToMake(order, product);
    if (boards === 0) continue;
    let options = lines.map((line, index) => lineOption(line, index, product, boards)).filter((o): o is LineOption => o !== undefined);
    if (order.status === 'running' && order.lineId) options = options.filter((o) => lines[o.lineIndex]!.id === order.lineId);
    if (options.length === 0)
      throw new AppError('invalid_argument', `Order ${order.id} (${product.id}) cannot be made on any line: no line has every machine type of its routing.`);
    const arrival = arrivals.get(order.id);
    const releaseMin = arrival ? Math.max(0, Math.ceil(minutesFrom(planStartMs, arrival.availableAt))) : 0;
    const job: ModelJob = {
      order,
      product,
      family: families.indexOf(product.family),
      boards,
      options,
      releaseMin,
      dueMin: Math.max(0, Math.floor(minutesFrom(planStartMs, order.dueAt))),
      weight: PRIORITY_WEIGHT[order.priority],
    };
    if (order.status === 'running') {
      const option = options[0]!;
      job.frozen = { lineIndex: option.lineIndex, startMin: fitStart(windows[option.lineIndex]!, releaseMin, option.durationMin) };
    }
    jobs.push(job);
  }

  const matrix = setupMatrix(inputs, families);
  const problemInput: ProblemInput = {
    name: `plant plan from ${inputs.planStart}`,
    timeUnit: 'minute',
    machineCount: lines.length,
    jobs: jobs.map((job) => ({
      name: job.order.id,
      operations: [{ family: job.family, alternatives: job.options.map((o) => ({ machine: o.lineIndex, duration: o.durationMin })) }],
      releaseTime: job.releaseMin,
      dueTime: job.dueMin,
      weight: job.weight,
    })),
    machines: lines.map((line, index) => ({ name: line.id, setupTimes: matrix, unavailable: windows[index]!.map((w) => ({ start: w.start, end: w.end })) })),
    frozen: jobs.flatMap((job, j) => (job.frozen ? [{ job: j, op: 0, machine: job.frozen.lineIndex, start: job.frozen.startMin }] : [])),
  };
  // With no open orders there is nothing to solve (a Problem needs at least one job).
  const problem = jobs.length > 0 ? parseProblem(problemInput) : null;
  return { inputs, planStartMs, lines, families, setupMatrix: matrix, jobs, windows, problem };
}
