/**
 * Fits the confidence model (confidence.ts) to labelled regions: L2-regularised logistic
 * regression by Newton's method, on the region features plus a one-hot prior per class (spur
 * is the reference class and keeps prior 0). Pure and deterministic: the same samples give the
 * same model. The bench labels a region positive when its reported box matches a ground-truth
 * box of the same class (DeepPCB's rule), so the model learns what the scoring rewards.
 */
import { DEFECT_TYPE_IDS, type DefectTypeId } from './defect-types';
import { FEATURE_NAMES, regionFeatures, type ConfidenceModel, type DefectRegion } from './confidence';

export type LabeledRegion = { region: DefectRegion; positive: boolean };

export type FitOptions = {
  /** Ridge penalty on every weight but the bias (keeps rare classes and separable data finite). */
  l2?: number;
  /** Newton steps at most. */
  maxIterations?: number;
};

const REFERENCE_CLASS: DefectTypeId = 4;
const PRIOR_CLASSES = DEFECT_TYPE_IDS.filter((type) => type !== REFERENCE_CLASS);

function designRow(region: DefectRegion): number[] {
  const f = regionFeatures(region);
  return [1, ...FEATURE_NAMES.map((name) => f[name]), ...PRIOR_CLASSES.map((type) => (region.type === type ? 1 : 0))];
}

/** Solves A x = b for a small dense symmetric positive-definite A (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) pivot = row;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const p = m[col][col];
    if (Math.abs(p) < 1e-12) continue;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = m[row][col] / p;
      if (factor === 0) continue;
      for (let k = col; k <= n; k++) m[row][k] -= factor * m[col][k];
    }
  }
  return m.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[n] / row[i]));
}

export function fitConfidenceModel(samples: readonly LabeledRegion[], options: FitOptions = {}): ConfidenceModel {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const rows = samples.map((s) => designRow(s.region));
  const labels = samples.map((s) => (s.positive ? 1 : 0));
  const n = 1 + FEATURE_NAMES.length + PRIOR_CLASSES.length;
  let w = new Array<number>(n).fill(0);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradient = w.map((value, i) => (i === 0 ? 0 : -l2 * value));
    const hessian = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j && i > 0 ? l2 : 0)));
    rows.forEach((x, r) => {
      let z = 0;
      for (let i = 0; i < n; i++) z += w[i] * x[i];
      const p = 1 / (1 + Math.exp(-z));
      const weight = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < n; i++) {
        if (x[i] === 0) continue;
        gradient[i] += (labels[r] - p) * x[i];
        for (let j = 0; j < n; j++) hessian[i][j] += weight * x[i] * x[j];
      }
    });
    // A tiny ridge on the bias too, so an empty or one-sided sample set still solves.
    hessian[0][0] += 1e-6;
    const step = solve(hessian, gradient);
    w = w.map((value, i) => value + step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  const round = (value: number): number => Number(value.toFixed(3));
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, round(w[1 + i])])) as ConfidenceModel['weights'];
  const classPrior = { [REFERENCE_CLASS]: 0 } as Record<DefectTypeId, number>;
  PRIOR_CLASSES.forEach((type, i) => (classPrior[type] = round(w[1 + FEATURE_NAMES.length + i])));
  return { bias: round(w[0]), weights, classPrior };
}
