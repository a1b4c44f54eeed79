/**
 * Ridge regression on the same window features as the tree model: the baseline every result
 * is compared with in the benchmark. Features are standardised with training statistics, and
 * the normal equations are solved by Cholesky (a few hundred features at most).
 */
import { z } from 'zod';
import { DEFAULT_FEATURE_SPEC, type FeatureSpec } from './features';
import { latestFeatureRow, prepareTrainingTable, type FeaturePipeline } from './training-table';
import type { UnitHistory } from './unit-history';

export const LinearModel = z.object({
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  intercept: z.number(),
});
export type LinearModel = z.infer<typeof LinearModel>;

/** Fits ridge regression; `l2` is the penalty on standardised weights. */
export function trainLinearModel(columns: readonly ArrayLike<number>[], y: ArrayLike<number>, l2 = 1): LinearModel {
  const n = y.length;
  const d = columns.length;
  const mean = columns.map((column) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += column[i];
    return sum / n;
  });
  const scale = columns.map((column, f) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (column[i] - mean[f]) ** 2;
    const std = Math.sqrt(sum / n);
    return std > 1e-12 ? std : 1;
  });
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i] / n;
  const standardised = columns.map((column, f) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = (column[i] - mean[f]) / scale[f];
    return out;
  });
  const gram = new Float64Array(d * d);
  const rhs = new Float64Array(d);
  for (let a = 0; a < d; a++) {
    const xa = standardised[a];
    let sumY = 0;
    for (let i = 0; i < n; i++) sumY += xa[i] * (y[i] - yMean);
    rhs[a] = sumY;
    for (let b = a; b < d; b++) {
      const xb = standardised[b];
      let sum = 0;
      for (let i = 0; i < n; i++) sum += xa[i] * xb[i];
      gram[a * d + b] = sum;
      gram[b * d + a] = sum;
    }
    gram[a * d + a] += l2;
  }
  const weights = Array.from(solveSymmetricPositive(gram, rhs, d));
  return { mean, scale, weights, intercept: yMean };
}

export function predictLinear(model: LinearModel, row: ArrayLike<number>): number {
  let sum = model.intercept;
  for (let f = 0; f < model.weights.length; f++) sum += (model.weights[f] * (row[f] - model.mean[f])) / model.scale[f];
  return sum;
}

/** Cholesky solve of A x = b for a symmetric positive-definite A (row-major, d × d). */
function solveSymmetricPositive(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const lower = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * d + j];
      for (let k = 0; k < j; k++) sum -= lower[i * d + k] * lower[j * d + k];
      lower[i * d + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / lower[j * d + j];
    }
  }
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= lower[i * d + k] * z[k];
    z[i] = sum / lower[i * d + i];
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let sum = z[i];
    for (let k = i + 1; k < d; k++) sum -= lower[k * d + i] * x[k];
    x[i] = sum / lower[i * d + i];
  }
  return x;
}

/** The linear baseline as a whole RUL model: same regimes and features as the tree model. */
export interface LinearRulModel extends FeaturePipeline {
  rulCapCycles: number;
  linear: LinearModel;
}

export function trainLinearRulModel(
  units: readonly UnitHistory[],
  options: { featureSpec?: FeatureSpec; rulCapCycles?: number; l2?: number } = {},
): LinearRulModel {
  const featureSpec = options.featureSpec ?? DEFAULT_FEATURE_SPEC;
  const rulCapCycles = options.rulCapCycles ?? 125;
  const { regimes, normaliser, table } = prepareTrainingTable(units, featureSpec, rulCapCycles);
  return { regimes, normaliser, featureSpec, rulCapCycles, linear: trainLinearModel(table.columns, table.cappedRul, options.l2 ?? 1) };
}

/** Predicted RUL at the unit's latest cycle, clipped to [0, cap] like the tree model's range. */
export function predictLinearRul(model: LinearRulModel, history: UnitHistory): number {
  const prediction = predictLinear(model.linear, latestFeatureRow(history, model));
  return Math.min(model.rulCapCycles, Math.max(0, prediction));
}
