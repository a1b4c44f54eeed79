/**
 * Schedule KPIs, computed the same way for the draft and for the plant's current plan so the two can be
 * compared: makespan, tardiness, on-time share, changeovers and utilisation per machine.
 */
import type { PlantModel } from './plant-model';
import type { PlantSchedule } from './plant-schedule';

export type ScheduleKpis = {
  orderCount: number;
  /** Minutes from the plan start until the last order finishes. */
  makespanMin: number;
  totalTardinessMin: number;
  maxTardinessMin: number;
  /** Σ priority weight × tardiness: what the solver minimises first. */
  weightedTardinessMin: number;
  onTimePct: number;
  lateOrderIds: string[];
  setups: number;
  setupMin: number;
  /** Processing minutes ÷ staffed, available minutes within the makespan, per machine id. */
  utilisationPct: Record<string, number>;
};

export type KpiDelta = {
  [K in 'makespanMin' | 'totalTardinessMin' | 'maxTardinessMin' | 'weightedTardinessMin' | 'onTimePct' | 'setups' | 'setupMin']: number;
} & {
  utilisationPct: Record<string, number>;
};

const round1 = (value: number) => Math.round(value * 10) / 10;

export function computeKpis(model: PlantModel, schedule: PlantSchedule): ScheduleKpis {
  const orders = schedule.lines.flatMap((line) => line.orders);
  const makespanMin = orders.reduce((max, o) => Math.max(max, o.endMin), 0);
  const weightOf = new Map(model.jobs.map((job) => [job.order.id, job.weight]));
  const late = orders.filter((o) => o.tardinessMin > 0);
  const utilisationPct: Record<string, number> = {};
  schedule.lines.forEach((line, l) => {
    const closedMin = model.windows[l]!.reduce((sum, w) => sum + Math.max(0, Math.min(w.end, makespanMin) - Math.max(w.start, 0)), 0);
    const availableMin = makespanMin - closedMin;
    for (const machine of model.lines[l]!.machines) {
      let busyMin = 0;
      for (const order of line.orders) {
        const job = model.jobs.find((candidate) => candidate.order.id === order.orderId)!;
        const cycle = job.options.find((o) => o.lineIndex === l)?.cycles.find((c) => c.machineId === machine.id);
        if (cycle) busyMin += (job.boards * cycle.cycleS) / 60;
      }
      utilisationPct[machine.id] = availableMin > 0 ? round1((100 * busyMin) / availableMin) : 0;
    }
  });
  const setupsOrders = orders.filter((o) => o.setupMin > 0);
  return {
    orderCount: orders.length,
    makespanMin,
    totalTardinessMin: orders.reduce((sum, o) => sum + o.tardinessMin, 0),
    maxTardinessMin: orders.reduce((max, o) => Math.max(max, o.tardinessMin), 0),
    weightedTardinessMin: orders.reduce((sum, o) => sum + (weightOf.get(o.orderId) ?? 1) * o.tardinessMin, 0),
    onTimePct: orders.length === 0 ? 100 : round1((100 * (orders.length - late.length)) / orders.length),
    lateOrderIds: late.map((o) => o.orderId),
    setups: setupsOrders.length,
    setupMin: setupsOrders.reduce((sum, o) => sum + o.setupMin, 0),
    utilisationPct,
  };
}

/** proposed − current for every KPI (negative makespan or tardiness deltas are improvements). */
export function kpiDelta(current: ScheduleKpis, proposed: ScheduleKpis): KpiDelta {
  const utilisationPct: Record<string, number> = {};
  for (const id of new Set([...Object.keys(current.utilisationPct), ...Object.keys(proposed.utilisationPct)])) {
    utilisationPct[id] = round1((proposed.utilisationPct[id] ?? 0) - (current.utilisationPct[id] ?? 0));
  }
  return {
    makespanMin: proposed.makespanMin - current.makespanMin,
    totalTardinessMin: proposed.totalTardinessMin - current.totalTardinessMin,
    maxTardinessMin: proposed.maxTardinessMin - current.maxTardinessMin,
    weightedTardinessMin: proposed.weightedTardinessMin - current.weightedTardinessMin,
    onTimePct: round1(proposed.onTimePct - current.onTimePct),
    setups: proposed.setups - current.setups,
    setupMin: proposed.setupMin - current.setupMin,
    utilisationPct,
  };
}

/** Lexicographic plan quality: weighted tardiness, then makespan, then changeover time. Lower is better. */
export function compareKpis(a: ScheduleKpis, b: ScheduleKpis): number {
  return (
    a.weightedTardinessMin - b.weightedTardinessMin || a.makespanMin - b.makespanMin || a.setupMin - b.setupMin || a.totalTardinessMin - b.totalTardinessMin
  );
}
