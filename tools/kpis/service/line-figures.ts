/**
 * Reads the facts for line figures from the historian and computes them with the pure
 * engine/line-figures.ts (which this module re-exports, so callers have one place to import from).
 */
import type { Queryable } from '@/lib/db/db';
import { counterIncreases, eventsOfKind, firstCounterSample, initialStates, textTagChanges } from '../../handover/service/historian-facts';
import { machineStops, type HistorianEventRow, type InitialState } from '../../handover/engine/plant-events';
import { catalogueLinePlan, DEFAULT_TARGET_EFFICIENCY, idealCycleTimes, type PlanProvider } from '../../handover/engine/plan';
import type { LineLayout, LinePlan, ReportWindow } from '../engine/production-facts';
import type { ShiftCalendar } from '@/lib/shift-calendar';

import { lineFiguresFrom, productSegments, COUNTER_TAGS, type LineFigures, type ProductionFacts } from '../engine/line-figures';

export type ProductionFactsOptions = {
  /** A released schedule's plan per line; the catalogue plan otherwise. */
  plan?: PlanProvider;
  targetEfficiency?: number;
  /** Whose history: the site's historian key (default: the default site's). */
  siteKey?: string;
};

/** Production facts read from the historian, plus the state rows the handover reuses for its stops. */
export type ReadProductionFacts = ProductionFacts & { stateRows: HistorianEventRow[]; initial: Map<string, InitialState> };

/**
 * Reads what the figures need. When the historian's records begin inside the window (a plant connected
 * an hour into the shift), the figures cover [first record, end] and their window says so: time before
 * the records is neither run time nor planned time we can judge. Sequential on purpose: the embedded
 * database has one connection.
 */
export async function readProductionFacts(
  db: Queryable,
  lines: LineLayout[],
  requested: ReportWindow,
  options: ProductionFactsOptions = {},
): Promise<ReadProductionFacts> {
  const to = new Date(requested.to);
  const firstRecord = await firstCounterSample(
    db,
    lines.map((line) => line.outputMachineId),
    to,
    options.siteKey,
  );
  const from = firstRecord && firstRecord > new Date(requested.from) && firstRecord < to ? firstRecord : new Date(requested.from);
  const window: ReportWindow = from.getTime() === Date.parse(requested.from) ? requested : { ...requested, from: from.toISOString() };
  const machineIds = [...new Set(lines.flatMap((line) => line.machineIds))];
  const lineOf = new Map(lines.flatMap((line) => line.machineIds.map((id) => [id, line.id] as const)));
  const stateRows = await eventsOfKind(db, 'state_change', from, to, options.siteKey);
  const initial = await initialStates(db, machineIds, from, options.siteKey);
  const counters = await counterIncreases(db, machineIds, COUNTER_TAGS, from, to, options.siteKey);
  const textChanges = await textTagChanges(
    db,
    lines.map((line) => line.outputMachineId),
    ['ProductId', 'OrderId'],
    from,
    to,
    options.siteKey,
  );
  // State time does not depend on alarms (they only name a stop's cause).
  const { stateTimes } = machineStops(window, initial, stateRows, [], (assetId) => lineOf.get(assetId) ?? null);
  const segments = productSegments(lines, textChanges, window);
  const plans: LinePlan[] = [];
  for (const line of lines) {
    const lineSegments = segments.filter((segment) => segment.lineId === line.id);
    const plan =
      (options.plan ? await options.plan({ lineId: line.id, outputMachineId: line.outputMachineId, window, segments: lineSegments }) : null) ??
      catalogueLinePlan(line, window, lineSegments, options.targetEfficiency ?? DEFAULT_TARGET_EFFICIENCY);
    if (plan) plans.push(plan);
  }
  return { window, requestedFrom: requested.from, lines, counters, segments, plans, idealCycleTimeS: idealCycleTimes(), stateTimes, stateRows, initial };
}

/** Figures for the lines over a window: read, then compute. */
export async function lineFigures(
  db: Queryable,
  input: { lines: LineLayout[]; from: Date; to: Date; calendar: ShiftCalendar; label?: string } & ProductionFactsOptions,
): Promise<LineFigures[]> {
  const window: ReportWindow = {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    shift: 'custom',
    shiftLabel: input.label ?? 'Custom window',
    timeZone: input.calendar.timeZone,
  };
  const facts = await readProductionFacts(db, input.lines, window, input);
  return lineFiguresFrom(facts, input.calendar);
}
