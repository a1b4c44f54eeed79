/**
 * Production and OEE per line for the handover: the one set of definitions in tools/kpis (ISO 22400,
 * planned time from the shift calendar), so the report and the live overview agree for the same window.
 * Pure. Adds what only the handover reports: downtime minutes from its stops.
 */
import { lineFiguresFrom } from '../../kpis/engine/line-figures';
import type { LineKpis, ShiftFacts } from './report-types';
import { DEFAULT_SHIFT_CALENDAR } from '@/lib/shift-calendar';

export const round1 = (value: number) => Math.round(value * 10) / 10;

export function lineKpis(facts: ShiftFacts): LineKpis[] {
  const calendar = facts.calendar ?? { ...DEFAULT_SHIFT_CALENDAR, timeZone: facts.window.timeZone };
  const production = facts.productionFrom ? { ...facts, window: { ...facts.window, from: facts.productionFrom }, requestedFrom: facts.window.from } : facts;
  return lineFiguresFrom(production, calendar).map((figures) => {
    const line = facts.lines.find((candidate) => candidate.id === figures.lineId)!;
    const downtimeMs = facts.downtime.filter((interval) => line.machineIds.includes(interval.assetId)).reduce((sum, interval) => sum + interval.durationMs, 0);
    return {
      lineId: figures.lineId,
      goodUnits: figures.goodUnits,
      scrapUnits: figures.scrapUnits,
      plannedUnits: figures.plannedUnits,
      outputVsPlanPct: figures.outputVsPlanPct,
      availabilityPct: figures.availabilityPct,
      performancePct: figures.performancePct,
      qualityPct: figures.qualityPct,
      oeePct: figures.oeePct,
      downtimeMin: round1(downtimeMs / 60_000),
      computation: figures.computation,
      href: figures.href,
    };
  });
}
