/**
 * THE definitions of the production figures, after ISO 22400-2, used by every face: the plant
 * overview, production status, the handover, the KPI page and its data route, MCP and the CLI. Two
 * screens that disagreed (0.46 on the overview, 90 % in the handover for the same shift) had two
 * definitions of performance; there is now one, here. Pure: plain numbers in, figures out.
 *
 * For a work unit (a line, measured at its output machine) over a window:
 * - planned busy time (PBT) = the part of the window the shift calendar plans for production;
 * - actual production time (APT, "run time") = time the output machine spent in PackML Execute;
 * - availability = APT ÷ PBT;
 * - performance = ideal cycle time × produced quantity ÷ APT, where the ideal cycle time is the
 *   line's takt (slowest routing step of the product at 100 % speed) and produced = good + scrap;
 * - quality = good quantity ÷ produced quantity;
 * - OEE = availability × performance × quality.
 * Ratios are fractions inside; every face shows them as percent with one decimal, and differences
 * between percentages in percentage points ("pp"), never "%".
 */
import { shiftAt, type ShiftCalendar } from '@/lib/shift-calendar';

export type KpiInputs = {
  /** Planned busy time in the window, from the shift calendar. */
  plannedBusyTimeMs: number;
  /** Time in Execute at the output machine; null without state history. */
  runTimeMs: number | null;
  /** Ideal seconds per board (the takt at 100 % speed); null when the product is not known. */
  idealCycleTimeS: number | null;
  goodQuantity: number | null;
  scrapQuantity: number | null;
};

/** One ratio, as a fraction and as the percent people read (one decimal), with how it was obtained. */
export type KpiRatio = { fraction: number | null; pct: number | null; formula: string };

export type KpiFigures = {
  availability: KpiRatio;
  performance: KpiRatio;
  quality: KpiRatio;
  oee: KpiRatio;
  producedQuantity: number | null;
  /** Performance above 100 % means the ideal cycle time is wrong for what ran; it is capped and said so. */
  notes: string[];
};

export const KPI_DEFINITIONS =
  'ISO 22400: availability = run time (Execute) ÷ planned busy time (shift calendar); performance = ideal cycle time (line takt at 100 % speed) × ' +
  'produced boards ÷ run time; quality = good ÷ produced (good + scrap); OEE = availability × performance × quality. Percentages are rounded to one ' +
  'decimal; differences between them are in percentage points (pp).';

/** Percent with one decimal, or null. */
export function toPct(fraction: number | null): number | null {
  return fraction === null || !Number.isFinite(fraction) ? null : Math.round(fraction * 1000) / 10;
}

/** "89.6 %" — the one way a ratio is written for people. */
export function formatPct(pct: number | null): string {
  return pct === null ? '—' : `${pct.toFixed(1)} %`;
}

/** "+2.1 pp" / "−20.0 pp": the difference between two percentages, in percentage points. */
export function formatPointsDelta(pct: number | null, referencePct: number | null): string {
  if (pct === null || referencePct === null) return '—';
  const delta = Math.round((pct - referencePct) * 10) / 10;
  return `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${Math.abs(delta).toFixed(1)} pp`;
}

const ratio = (fraction: number | null, formula: string): KpiRatio => ({
  fraction: fraction === null ? null : Math.round(fraction * 1e6) / 1e6,
  pct: toPct(fraction),
  formula,
});
const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

export function computeKpis(input: KpiInputs): KpiFigures {
  const { plannedBusyTimeMs, runTimeMs, idealCycleTimeS, goodQuantity, scrapQuantity } = input;
  const notes: string[] = [];
  const produced = goodQuantity !== null && scrapQuantity !== null ? goodQuantity + scrapQuantity : null;

  const availability =
    runTimeMs !== null && plannedBusyTimeMs > 0
      ? ratio(Math.min(1, runTimeMs / plannedBusyTimeMs), `${minutes(runTimeMs)} run ÷ ${minutes(plannedBusyTimeMs)} planned`)
      : ratio(null, runTimeMs === null ? 'no state history for the output machine' : 'no planned busy time in the window');

  let performance: KpiRatio;
  if (runTimeMs === null || runTimeMs <= 0) performance = ratio(null, 'no run time, so no rate to compare');
  else if (idealCycleTimeS === null) performance = ratio(null, 'product not known, so no ideal cycle time');
  else if (produced === null) performance = ratio(null, 'no counter history');
  else {
    const raw = (idealCycleTimeS * produced) / (runTimeMs / 1000);
    if (raw > 1.005)
      notes.push(`Performance computed as ${toPct(raw)} % and capped at 100 %: the boards counted exceed the ideal rate for the product recorded.`);
    performance = ratio(Math.min(1, raw), `${idealCycleTimeS.toFixed(1)} s × ${produced} boards ÷ ${minutes(runTimeMs)} run`);
  }

  const quality =
    produced !== null && goodQuantity !== null && produced > 0
      ? ratio(goodQuantity / produced, `${goodQuantity} good ÷ ${produced} produced`)
      : ratio(null, produced === 0 ? 'no boards produced' : 'no counter history');

  let oee: KpiRatio;
  if (availability.fraction !== null && performance.fraction !== null && quality.fraction !== null)
    oee = ratio(availability.fraction * performance.fraction * quality.fraction, 'availability × performance × quality');
  else if (availability.fraction === 0 || (produced === 0 && availability.fraction !== null))
    oee = ratio(0, produced === 0 ? 'no boards produced in planned time' : 'no run time in planned time');
  else oee = ratio(null, 'a part is unknown (see the parts)');

  return { availability, performance, quality, oee, producedQuantity: produced, notes };
}

/**
 * Planned busy time of a window from the shift calendar: the part of it covered by the calendar's
 * shifts. The default calendar plans every hour (three shifts), so this is the window's length there;
 * a calendar with gaps (no night shift) plans less.
 */
export function plannedBusyTimeMs(calendar: ShiftCalendar, from: Date, to: Date): number {
  let total = 0;
  let at = from.getTime();
  const end = to.getTime();
  // Walk the shifts covering the window; `shiftAt` throws for an instant no shift covers.
  for (let guard = 0; at < end && guard < 1000; guard++) {
    try {
      const shift = shiftAt(calendar, new Date(at));
      const until = Math.min(end, shift.to.getTime());
      total += until - at;
      at = until;
    } catch {
      // Not planned: skip ahead a minute (calendars are in whole minutes).
      at = Math.min(end, Math.floor(at / 60_000) * 60_000 + 60_000);
    }
  }
  return total;
}

/** Ideal cycle time over a window in which the product changed: time-weighted, so ideal boards add up. */
export function weightedIdealCycleTimeS(segments: readonly { durationMs: number; idealCycleTimeS: number | null }[]): number | null {
  let durationS = 0;
  let idealBoards = 0;
  for (const segment of segments) {
    if (!segment.idealCycleTimeS || segment.durationMs <= 0) continue;
    durationS += segment.durationMs / 1000;
    idealBoards += segment.durationMs / 1000 / segment.idealCycleTimeS;
  }
  return idealBoards > 0 ? durationS / idealBoards : null;
}
