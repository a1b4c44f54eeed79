/**
 * Counts, run time and OEE of one machine since the start of the shift, from the historian.
 *
 * Definitions (all over the counting window: shift start, or the first sample in the shift when
 * history does not reach back to it, until now):
 * - counts this shift = counter now − counter at the window start (the last sample before the
 *   shift start, else the first sample in it); a counter that went down was reset, and then its
 *   value now is what was counted since the reset;
 * - run time = time with PackML StateCode 6 (Execute), from the StateCode history;
 * - availability = run time ÷ window length (every shift hour is planned production time: the
 *   twin models no planned stops);
 * - performance = ideal cycle time × total count ÷ run time, at most 1; the ideal cycle time is the
 *   product routing's time for this machine type at 100 % speed (catalogue, by ProductId);
 * - quality = good count ÷ total count;
 * - OEE = availability × performance × quality;
 * - planned output = window length ÷ line takt, where the takt is the slowest routing step of the
 *   product (the line's bottleneck at 100 % speed).
 */
import type { Historian } from '../../connectors/historian/historian';
import { PRODUCTS, findMachine } from '../../connectors/twin/catalogue';

const EXECUTE_STATE_CODE = 6;
const LOOKBACK_MS = 86_400_000;

export type Oee = { availability: number | null; performance: number | null; quality: number | null; oee: number | null };

export type ShiftCounts = {
  good: number | null;
  scrap: number | null;
  total: number | null;
  /** Start of the counting window: the shift start, or later when history begins inside the shift. */
  countedFrom: Date;
  basis: string;
};

/** Value of a numeric tag at `at`: the last good sample in the day before it. */
export async function valueAt(historian: Historian, assetId: string, tagId: string, at: Date): Promise<number | null> {
  const result = await historian.history({ assetId, tagId, from: new Date(at.getTime() - LOOKBACK_MS), to: at, resolution: LOOKBACK_MS / 1000 });
  if (result.resolution !== 'buckets') return null;
  for (let index = result.buckets.length - 1; index >= 0; index--) {
    const last = result.buckets[index]!.last;
    if (last !== null) return last;
  }
  return null;
}

/** First good numeric sample in a window. */
export async function firstSample(historian: Historian, assetId: string, tagId: string, from: Date, to: Date): Promise<{ time: Date; value: number } | null> {
  const result = await historian.history({ assetId, tagId, from, to, resolution: 'raw', maxPoints: 50 });
  if (result.resolution !== 'raw') return null;
  const point = result.points.find((candidate) => candidate.quality === 'good' && candidate.value !== null);
  return point ? { time: point.time, value: point.value! } : null;
}

async function counted(historian: Historian, assetId: string, tagId: string, now: number | null, shiftStart: Date, until: Date) {
  if (now === null) return { count: null, from: shiftStart, reachesShiftStart: true };
  const atStart = await valueAt(historian, assetId, tagId, shiftStart);
  if (atStart !== null) return { count: now >= atStart ? now - atStart : now, from: shiftStart, reachesShiftStart: true };
  const first = await firstSample(historian, assetId, tagId, shiftStart, until);
  if (first) return { count: now >= first.value ? now - first.value : now, from: first.time, reachesShiftStart: false };
  return { count: null, from: until, reachesShiftStart: false };
}

export async function shiftCounts(
  historian: Historian,
  assetId: string,
  current: { good: number | null; scrap: number | null },
  shiftStart: Date,
  now: Date,
): Promise<ShiftCounts> {
  const [good, scrap] = await Promise.all([
    counted(historian, assetId, 'GoodCount', current.good, shiftStart, now),
    counted(historian, assetId, 'ScrapCount', current.scrap, shiftStart, now),
  ]);
  const countedFrom = good.from > scrap.from ? good.from : scrap.from;
  const total = good.count !== null && scrap.count !== null ? good.count + scrap.count : null;
  const basis =
    good.count === null
      ? 'No counter history in this shift yet, so counts this shift are unknown.'
      : good.reachesShiftStart && scrap.reachesShiftStart
        ? 'Counter now minus counter at the shift start (historian).'
        : `History starts inside the shift: counted since ${countedFrom.toISOString()}, not since the shift start.`;
  return { good: good.count, scrap: scrap.count, total, countedFrom, basis };
}

/** Seconds in Execute between `from` and `to`, from the StateCode history. */
export async function runTimeS(historian: Historian, assetId: string, from: Date, to: Date, currentStateCode: number | null): Promise<number | null> {
  if (!(from < to)) return 0;
  const [atStart, changes] = await Promise.all([
    valueAt(historian, assetId, 'StateCode', from),
    historian.history({ assetId, tagId: 'StateCode', from, to, resolution: 'raw', maxPoints: 10_000 }),
  ]);
  if (changes.resolution !== 'raw') return null;
  const points = changes.points.filter((point) => point.quality === 'good' && point.value !== null);
  let state = atStart ?? points[0]?.value ?? currentStateCode;
  if (state === null || state === undefined) return null;
  let since = from.getTime();
  let runningMs = 0;
  for (const point of points) {
    if (state === EXECUTE_STATE_CODE) runningMs += point.time.getTime() - since;
    state = point.value!;
    since = point.time.getTime();
  }
  if (state === EXECUTE_STATE_CODE) runningMs += to.getTime() - since;
  return runningMs / 1000;
}

/** The routing's cycle time at 100 % speed for a machine type and product, and the product's takt. */
export function idealTimes(assetId: string, productId: string | null): { idealCycleTimeS: number | null; taktS: number | null } {
  const machine = findMachine(assetId);
  const product = productId ? PRODUCTS.find((candidate) => candidate.id === productId) : undefined;
  if (!product) return { idealCycleTimeS: null, taktS: null };
  const step = machine ? product.routing.find((candidate) => candidate.machineType === machine.type) : undefined;
  return { idealCycleTimeS: step?.cycleTimeS ?? null, taktS: Math.max(...product.routing.map((candidate) => candidate.cycleTimeS)) };
}

export function computeOee(input: { windowS: number; runS: number | null; idealCycleTimeS: number | null; good: number | null; total: number | null }): Oee {
  const { windowS, runS, idealCycleTimeS, good, total } = input;
  const availability = runS !== null && windowS > 0 ? Math.min(1, runS / windowS) : null;
  const performance = runS !== null && runS > 0 && idealCycleTimeS !== null && total !== null ? Math.min(1, (idealCycleTimeS * total) / runS) : null;
  const quality = total !== null && good !== null && total > 0 ? good / total : null;
  let oee: number | null = null;
  if (availability !== null && performance !== null && quality !== null) oee = availability * performance * quality;
  else if (availability === 0 || total === 0) oee = 0;
  return { availability: round(availability), performance: round(performance), quality: round(quality), oee: round(oee) };
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
