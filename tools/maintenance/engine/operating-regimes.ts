/**
 * Operating regimes: clusters of the operating settings. Sensor levels depend far more on the
 * regime (altitude, Mach, throttle) than on wear, so sensors are normalised per regime before
 * any feature sees them. The number of regimes is found from the data: the smallest k whose
 * clusters leave almost no spread (FD002/FD004 give 6; FD001/FD003 give 1, their settings
 * being noise around one point).
 */
import { z } from 'zod';

export const RegimeModel = z.object({
  /** Per-setting centre and scale used to standardise settings before clustering. */
  settingMean: z.array(z.number()),
  settingScale: z.array(z.number()),
  /** Cluster centres in standardised setting space. */
  centers: z.array(z.array(z.number())),
});
export type RegimeModel = z.infer<typeof RegimeModel>;

export interface RegimeOptions {
  maxRegimes: number;
  /** A k is accepted when its within-cluster sum of squares is below this share of the total. */
  maxResidualShare: number;
  /** Clustering uses at most this many rows, taken at an even stride (deterministic). */
  maxRows: number;
}

const DEFAULTS: RegimeOptions = { maxRegimes: 8, maxResidualShare: 1e-3, maxRows: 6000 };

function sqDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return sum;
}

function nearest(point: readonly number[], centers: readonly number[][]): { index: number; distance: number } {
  let index = 0;
  let distance = Infinity;
  for (let c = 0; c < centers.length; c++) {
    const d = sqDistance(point, centers[c]);
    if (d < distance) {
      distance = d;
      index = c;
    }
  }
  return { index, distance };
}

/** Lloyd's k-means from a farthest-first start: deterministic without a seed. */
function kMeans(points: number[][], k: number): { centers: number[][]; withinSs: number } {
  const centers: number[][] = [points[0].slice()];
  while (centers.length < k) {
    let farthest = 0;
    let farthestDistance = -1;
    for (let i = 0; i < points.length; i++) {
      const { distance } = nearest(points[i], centers);
      if (distance > farthestDistance) {
        farthestDistance = distance;
        farthest = i;
      }
    }
    centers.push(points[farthest].slice());
  }
  const dims = points[0].length;
  let withinSs = 0;
  for (let iteration = 0; iteration < 30; iteration++) {
    const sums = centers.map(() => new Array<number>(dims).fill(0));
    const counts = new Array<number>(k).fill(0);
    withinSs = 0;
    for (const point of points) {
      const { index, distance } = nearest(point, centers);
      withinSs += distance;
      counts[index]++;
      for (let d = 0; d < dims; d++) sums[index][d] += point[d];
    }
    let moved = false;
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue;
      for (let d = 0; d < dims; d++) {
        const next = sums[c][d] / counts[c];
        if (Math.abs(next - centers[c][d]) > 1e-12) moved = true;
        centers[c][d] = next;
      }
    }
    if (!moved) break;
  }
  return { centers, withinSs };
}

function standardise(settings: readonly number[], model: Pick<RegimeModel, 'settingMean' | 'settingScale'>): number[] {
  return settings.map((v, i) => (v - model.settingMean[i]) / model.settingScale[i]);
}

/** Finds the operating regimes in a list of setting vectors (one per cycle). */
export function fitRegimes(settingRows: readonly (readonly number[])[], options: Partial<RegimeOptions> = {}): RegimeModel {
  const { maxRegimes, maxResidualShare, maxRows } = { ...DEFAULTS, ...options };
  const dims = settingRows[0]?.length ?? 0;
  const stride = Math.max(1, Math.floor(settingRows.length / maxRows));
  const sample: (readonly number[])[] = [];
  for (let i = 0; i < settingRows.length; i += stride) sample.push(settingRows[i]);
  const settingMean = new Array<number>(dims).fill(0);
  for (const row of sample) for (let d = 0; d < dims; d++) settingMean[d] += row[d] / sample.length;
  const settingScale = settingMean.map((mean, d) => {
    const variance = sample.reduce((sum, row) => sum + (row[d] - mean) ** 2, 0) / sample.length;
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  const points = sample.map((row) => standardise(row, { settingMean, settingScale }));
  const totalSs = points.reduce((sum, p) => sum + p.reduce((s, v) => s + v * v, 0), 0);
  if (dims === 0 || totalSs <= 1e-12) return { settingMean, settingScale, centers: [new Array<number>(dims).fill(0)] };
  for (let k = 2; k <= Math.min(maxRegimes, points.length); k++) {
    const { centers, withinSs } = kMeans(points, k);
    if (withinSs / totalSs < maxResidualShare) return { settingMean, settingScale, centers };
  }
  return { settingMean, settingScale, centers: [new Array<number>(dims).fill(0)] };
}

/** Index of the regime a setting vector belongs to. */
export function assignRegime(model: RegimeModel, settings: readonly number[]): number {
  if (model.centers.length === 1) return 0;
  return nearest(standardise(settings, model), model.centers).index;
}
