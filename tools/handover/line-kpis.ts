/**
 * Production and OEE per line from the gathered facts. Pure.
 *
 * - Good units: increase of `GoodCount` at the line's output machine (packing) over the window.
 * - Scrap units: increase of `ScrapCount` summed over every machine of the line (SPI, AOI and ICT reject).
 * - Availability: time the output machine spent in Execute ÷ the window (every shift hour is planned
 *   production time; the plant runs around the clock). Upstream stops starve the output machine, so
 *   they show here.
 * - Performance: (good + scrap) × ideal cycle time ÷ run time, where the ideal cycle time is the
 *   slowest routing step of the product on the line at 100 % speed (time-weighted when the product
 *   changed), capped at 100 %.
 * - Quality: good ÷ (good + scrap).
 */
import type { LineKpis, ShiftFacts } from './report-types';

export const round1 = (value: number) => Math.round(value * 10) / 10;

function increase(facts: ShiftFacts, assetId: string, tagId: string): number {
  return facts.counters.find((counter) => counter.assetId === assetId && counter.tagId === tagId)?.increase ?? 0;
}

/** Boards per second at the ideal rate, averaged over the window's product segments; null without a known product. */
function idealCycleTimeS(facts: ShiftFacts, lineId: string): number | null {
  let durationS = 0;
  let idealBoards = 0;
  for (const segment of facts.segments) {
    if (segment.lineId !== lineId || !segment.productId) continue;
    const cycleTimeS = facts.idealCycleTimeS[segment.productId];
    if (!cycleTimeS) continue;
    const seconds = (Date.parse(segment.to) - Date.parse(segment.from)) / 1000;
    durationS += seconds;
    idealBoards += seconds / cycleTimeS;
  }
  return idealBoards > 0 ? durationS / idealBoards : null;
}

export function lineKpis(facts: ShiftFacts): LineKpis[] {
  const windowMs = Date.parse(facts.window.to) - Date.parse(facts.window.from);
  return facts.lines.map((line) => {
    const goodUnits = increase(facts, line.outputMachineId, 'GoodCount');
    const scrapUnits = line.machineIds.reduce((sum, machineId) => sum + increase(facts, machineId, 'ScrapCount'), 0);
    const totalUnits = goodUnits + scrapUnits;
    const output = facts.stateTimes.find((times) => times.assetId === line.outputMachineId);
    const runMs = output?.executeMs ?? null;
    const availability = runMs !== null && windowMs > 0 ? runMs / windowMs : null;
    const cycleTimeS = idealCycleTimeS(facts, line.id);
    const performance = runMs && cycleTimeS ? Math.min(1, (totalUnits * cycleTimeS) / (runMs / 1000)) : null;
    const quality = totalUnits > 0 ? goodUnits / totalUnits : null;
    const oee = availability !== null && performance !== null && quality !== null ? availability * performance * quality : null;
    const downtimeMs = facts.downtime.filter((interval) => line.machineIds.includes(interval.assetId)).reduce((sum, interval) => sum + interval.durationMs, 0);
    const plan = facts.plans.find((candidate) => candidate.lineId === line.id);
    const pct = (value: number | null) => (value === null ? null : round1(value * 100));
    return {
      lineId: line.id,
      goodUnits,
      scrapUnits,
      plannedUnits: plan ? plan.plannedUnits : null,
      availabilityPct: pct(availability),
      performancePct: pct(performance),
      qualityPct: pct(quality),
      oeePct: pct(oee),
      downtimeMin: round1(downtimeMs / 60_000),
    };
  });
}
