/** Axis arithmetic for the trend chart: round tick values and time ticks. Pure, so it is unit-tested. */

/** About `count` round tick values covering [min, max] (steps of 1, 2 or 5 × 10ⁿ). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

const TIME_STEPS_MS = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400].map((seconds) => seconds * 1000);

/** About `count` time ticks on round minutes/hours (in UTC steps; labels are local). */
export function timeTicks(fromMs: number, toMs: number, count = 6): number[] {
  if (!(toMs > fromMs)) return [];
  const raw = (toMs - fromMs) / count;
  const step = TIME_STEPS_MS.find((candidate) => candidate >= raw) ?? Math.ceil(raw / 86_400_000) * 86_400_000;
  const ticks: number[] = [];
  for (let tick = Math.ceil(fromMs / step) * step; tick <= toMs; tick += step) ticks.push(tick);
  return ticks;
}

export function formatTick(ms: number, spanMs: number): string {
  const date = new Date(ms);
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', ...(spanMs < 10 * 60_000 ? { second: '2-digit' } : {}) });
  return spanMs > 86_400_000 ? `${date.toLocaleDateString([], { day: '2-digit', month: '2-digit' })} ${time}` : time;
}

/** A linear map from [domainLow, domainHigh] to [rangeLow, rangeHigh]. */
export function linear(domainLow: number, domainHigh: number, rangeLow: number, rangeHigh: number): (value: number) => number {
  const span = domainHigh - domainLow || 1;
  return (value) => rangeLow + ((value - domainLow) / span) * (rangeHigh - rangeLow);
}
