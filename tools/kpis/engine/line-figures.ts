/**
 * Line figures for any window, from the historian, through the ISO 22400 definitions in iso-22400.ts. Pure:
 * this file computes from facts; service/line-figures.ts reads the facts from the historian.
 * The plant overview ("this shift so far"), production status, the handover, the KPI page and its
 * data route all come here, so the same line and window give the same numbers everywhere.
 *
 * - good = increase of GoodCount at the line's output machine; scrap = ScrapCount increases summed
 *   over every machine of the line; produced = good + scrap (a counter drop is a reset);
 * - run time = the output machine's time in Execute, from the historian's state changes;
 * - ideal cycle time = the product's takt, time-weighted over the products the output machine ran;
 * - plan = plan.ts (the product's ideal rate × target efficiency, or a released plan);
 * - planned busy time = the shift calendar's planned time in the window.
 */
import { z } from 'zod';
import type { CounterIncrease, LineLayout, LinePlan, ProductSegment, ReportWindow, StateTime } from './production-facts';
import type { ShiftCalendar } from '@/lib/shift-calendar';
import { formatPlantTime } from '@/lib/plant-time';
import { computeKpis, formatPct, KPI_DEFINITIONS, plannedBusyTimeMs, toPct, weightedIdealCycleTimeS } from './iso-22400';

export const COUNTER_TAGS = ['GoodCount', 'ScrapCount', 'TotalCount'];

/** What the figures are computed from; the handover gathers the same and more. */
export type ProductionFacts = {
  window: ReportWindow;
  lines: LineLayout[];
  counters: CounterIncrease[];
  segments: ProductSegment[];
  plans: LinePlan[];
  /** Ideal cycle time per product (s per board at the bottleneck). */
  idealCycleTimeS: Record<string, number>;
  stateTimes: StateTime[];
  /** The window asked for, when the historian's records begin later (then `window.from` is where they begin). */
  requestedFrom?: string;
};

export const LineFigures = z.object({
  lineId: z.string(),
  lineName: z.string(),
  outputMachineId: z.string(),
  /** The window the figures cover, ISO 8601, and the plant's time zone for reading it. */
  window: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
  goodUnits: z.number().int(),
  scrapUnits: z.number().int(),
  producedUnits: z.number().int(),
  plannedUnits: z.number().int().nullable(),
  outputVsPlanPct: z.number().nullable(),
  plannedBusyTimeMin: z.number(),
  runTimeMin: z.number().nullable(),
  idealCycleTimeS: z.number().nullable(),
  availabilityPct: z.number().nullable(),
  performancePct: z.number().nullable(),
  qualityPct: z.number().nullable(),
  oeePct: z.number().nullable(),
  /** How each figure was obtained, step by step, with the numbers used. */
  computation: z.array(z.string()),
  /** Where a person opens the computation. */
  href: z.string(),
});
export type LineFigures = z.infer<typeof LineFigures>;

const round1 = (value: number) => Math.round(value * 10) / 10;

function increase(counters: readonly CounterIncrease[], assetId: string, tagId: string): number {
  return counters.find((counter) => counter.assetId === assetId && counter.tagId === tagId)?.increase ?? 0;
}

export function figuresHref(lineId: string, window: { from: string; to: string }): string {
  return `/kpis?${new URLSearchParams({ line: lineId, from: window.from, to: window.to }).toString()}`;
}

/** The figures of every line in the facts. Pure. */
export function lineFiguresFrom(facts: ProductionFacts, calendar: ShiftCalendar): LineFigures[] {
  const from = new Date(facts.window.from);
  const to = new Date(facts.window.to);
  const plannedMs = plannedBusyTimeMs(calendar, from, to);
  const at = (iso: string) => formatPlantTime(iso, calendar.timeZone, 'datetime');
  return facts.lines.map((line) => {
    const good = increase(facts.counters, line.outputMachineId, 'GoodCount');
    const scrap = line.machineIds.reduce((sum, machineId) => sum + increase(facts.counters, machineId, 'ScrapCount'), 0);
    const runMs = facts.stateTimes.find((times) => times.assetId === line.outputMachineId)?.executeMs ?? null;
    const segments = facts.segments
      .filter((segment) => segment.lineId === line.id && segment.productId)
      .map((segment) => ({
        productId: segment.productId!,
        durationMs: Date.parse(segment.to) - Date.parse(segment.from),
        idealCycleTimeS: facts.idealCycleTimeS[segment.productId!] ?? null,
      }));
    const idealCycleTimeS = weightedIdealCycleTimeS(segments);
    const kpis = computeKpis({ plannedBusyTimeMs: plannedMs, runTimeMs: runMs, idealCycleTimeS, goodQuantity: good, scrapQuantity: scrap });
    const plan = facts.plans.find((candidate) => candidate.lineId === line.id);
    const plannedUnits = plan ? plan.plannedUnits : null;
    const products = [...new Set(segments.map((segment) => segment.productId))];
    const computation = [
      ...(facts.requestedFrom && facts.requestedFrom !== facts.window.from
        ? [
            `The historian's records begin at ${at(facts.window.from)}, after the requested start ${at(facts.requestedFrom)}: the figures cover the recorded part.`,
          ]
        : []),
      `Window ${at(facts.window.from)} – ${at(facts.window.to)} (plant time, ${calendar.timeZone}); planned busy time ${round1(plannedMs / 60_000)} min from the shift calendar.`,
      `Good ${good} (GoodCount increase at ${line.outputMachineId}); scrap ${scrap} (ScrapCount increases over ${line.machineIds.join(', ')}); produced ${good + scrap}.`,
      `Run time ${runMs === null ? 'unknown' : `${round1(runMs / 60_000)} min`} (${line.outputMachineId} in Execute).`,
      `Ideal cycle time ${idealCycleTimeS === null ? 'unknown' : `${round1(idealCycleTimeS)} s`} (takt of ${products.length ? products.join(', ') : 'no recorded product'}).`,
      `Availability ${formatPct(kpis.availability.pct)} = ${kpis.availability.formula}.`,
      `Performance ${formatPct(kpis.performance.pct)} = ${kpis.performance.formula}.`,
      `Quality ${formatPct(kpis.quality.pct)} = ${kpis.quality.formula}.`,
      `OEE ${formatPct(kpis.oee.pct)} = ${kpis.oee.formula}.`,
      ...(plan ? [`Plan ${plan.plannedUnits}: ${plan.basis}.`] : []),
      ...kpis.notes,
      KPI_DEFINITIONS,
    ];
    return {
      lineId: line.id,
      lineName: line.name,
      outputMachineId: line.outputMachineId,
      window: { from: facts.window.from, to: facts.window.to, timeZone: calendar.timeZone },
      goodUnits: good,
      scrapUnits: scrap,
      producedUnits: good + scrap,
      plannedUnits,
      outputVsPlanPct: plannedUnits ? toPct(good / plannedUnits) : null,
      plannedBusyTimeMin: round1(plannedMs / 60_000),
      runTimeMin: runMs === null ? null : round1(runMs / 60_000),
      idealCycleTimeS: idealCycleTimeS === null ? null : Math.round(idealCycleTimeS * 100) / 100,
      availabilityPct: kpis.availability.pct,
      performancePct: kpis.performance.pct,
      qualityPct: kpis.quality.pct,
      oeePct: kpis.oee.pct,
      computation,
      href: figuresHref(line.id, facts.window),
    };
  });
}

/** Product segments per line from the output machine's ProductId/OrderId changes. */
export function productSegments(
  lines: readonly LineLayout[],
  changes: readonly { assetId: string; tagId: string; time: string; value: string }[],
  window: ReportWindow,
): ProductSegment[] {
  const segments: ProductSegment[] = [];
  for (const line of lines) {
    const own = changes.filter((change) => change.assetId === line.outputMachineId).sort((a, b) => a.time.localeCompare(b.time));
    let current: ProductSegment | null = null;
    let productId: string | null = null;
    let orderId: string | null = null;
    for (const change of own) {
      if (change.tagId === 'ProductId') productId = change.value || null;
      else orderId = change.value || null;
      if (current && current.productId === productId && current.orderId === orderId) continue;
      if (current) {
        current.to = change.time;
        if (current.to > current.from) segments.push(current);
      }
      current = { lineId: line.id, productId, orderId, from: change.time, to: window.to };
    }
    if (current && current.to > current.from) segments.push(current);
  }
  return segments;
}
